#include <unordered_map>

#include "core/text.hpp"
#include "identity/disambiguator.hpp"

namespace bzpeer::identity {

std::string name_key(const store::AuthorshipRow& row) {
  if (row.first.empty() && row.last.empty()) return text::fold(row.raw_name);
  return text::fold(row.first + " " + row.last);
}

namespace {

class NameKeyDisambiguator final : public Disambiguator {
 public:
  std::vector<std::vector<size_t>> cluster(const std::vector<store::AuthorshipRow>& rows,
                                           const EvidenceSet&) override {
    std::unordered_map<std::string, size_t> cluster_of_key;
    std::vector<std::vector<size_t>> clusters;
    for (size_t i = 0; i < rows.size(); ++i) {
      std::string key = name_key(rows[i]);
      auto [it, inserted] = cluster_of_key.try_emplace(std::move(key), clusters.size());
      if (inserted) clusters.emplace_back();
      clusters[it->second].push_back(i);
    }
    return clusters;
  }
};

}  // namespace

std::unique_ptr<Disambiguator> make_name_key_disambiguator() { return std::make_unique<NameKeyDisambiguator>(); }

}  // namespace bzpeer::identity

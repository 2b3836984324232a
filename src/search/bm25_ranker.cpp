#include "search/bm25_ranker.hpp"

#include <unordered_map>
#include <xapian.h>

namespace bzpeer::search {

struct Bm25Ranker::Impl {
  Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Xapian::doccount documents = 0;
};

Bm25Ranker::Bm25Ranker(const std::vector<std::vector<std::string>>& documents) : impl_(std::make_unique<Impl>()) {
  for (const auto& terms : documents) {
    Xapian::Document doc;
    for (const auto& t : terms) doc.add_term(t);
    impl_->db.replace_document(++impl_->documents, doc);
  }
}

Bm25Ranker::~Bm25Ranker() = default;
Bm25Ranker::Bm25Ranker(Bm25Ranker&&) noexcept = default;
Bm25Ranker& Bm25Ranker::operator=(Bm25Ranker&&) noexcept = default;

std::vector<double> Bm25Ranker::scores(const std::vector<std::string>& query_terms) const {
  std::unordered_map<std::string, Xapian::termcount> wqf;
  for (const auto& t : query_terms) ++wqf[t];
  std::vector<Xapian::Query> terms;
  for (const auto& [t, f] : wqf) terms.emplace_back(t, f);
  std::vector<double> out(impl_->documents, 0.0);
  if (terms.empty()) return out;
  Xapian::Enquire enquire(impl_->db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  Xapian::MSet mset = enquire.get_mset(0, impl_->documents);
  for (auto it = mset.begin(); it != mset.end(); ++it) out[*it - 1] = it.get_weight();
  return out;
}

}  // namespace bzpeer::search

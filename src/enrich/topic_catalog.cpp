#include "enrich/topic_catalog.hpp"

#include <algorithm>

namespace bzpeer::enrich {

void TopicCatalog::add_profile(const std::vector<model::NamedCount>& topics) {
  for (const auto& t : topics) {
    auto& tally = tallies_[t.id];
    if (tally.label.empty()) tally.label = t.name;
    ++tally.researchers;
  }
}

std::vector<store::TopicTally> TopicCatalog::tallies() const {
  std::vector<store::TopicTally> out;
  out.reserve(tallies_.size());
  for (const auto& [id, tally] : tallies_) out.push_back({id, tally.label, tally.researchers});
  return out;
}

void TopicCatalog::add(const store::TopicTally& tally) {
  auto& mine = tallies_[tally.id];
  if (mine.label.empty()) mine.label = tally.label;
  mine.researchers += tally.researchers;
}

std::vector<model::TopicSummary> TopicCatalog::finish(const CorpusView& view) const {
  std::unordered_map<std::string, int> works_of;
  for (TopicId t = 0; t < view.topics.topic_count(); ++t)
    works_of["topic:" + view.topics.label(t)] = static_cast<int>(view.topics.document_frequency(t));
  for (const auto& w : view.works)
    for (const auto& c : w.categories) ++works_of["field:" + c];
  std::vector<model::TopicSummary> out;
  out.reserve(tallies_.size());
  for (const auto& [id, tally] : tallies_) {
    auto it = works_of.find(id);
    out.push_back({id, tally.label, it == works_of.end() ? 0 : it->second, tally.researchers});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

}  // namespace bzpeer::enrich

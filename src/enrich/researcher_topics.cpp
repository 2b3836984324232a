#include "enrich/researcher_topics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace bzpeer::enrich {

std::vector<model::NamedCount> researcher_topics(const CorpusView& view, std::uint32_t researcher,
                                                 size_t max_phrases, size_t max_fields) {
  const auto& works = view.works_of[researcher];
  std::map<std::string, int> field_counts;
  std::map<TopicId, int> phrase_counts;
  for (std::uint32_t w : works) {
    for (const auto& c : view.works[w].categories) ++field_counts[c];
    for (TopicId t : view.works[w].topics) ++phrase_counts[t];
  }

  std::vector<model::NamedCount> fields;
  for (const auto& [code, count] : field_counts)
    if (count * 4 >= static_cast<int>(works.size()))
      fields.push_back({"field:" + code, field_label(code), static_cast<double>(count), count});
  std::sort(fields.begin(), fields.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (fields.size() > max_fields) fields.resize(max_fields);

  int min_count = works.size() >= 3 ? 2 : 1;
  double documents = static_cast<double>(std::max<std::uint64_t>(1, view.topics.documents()));
  std::vector<model::NamedCount> phrases;
  for (const auto& [topic, count] : phrase_counts) {
    if (count < min_count) continue;
    double idf = std::log(documents / view.topics.document_frequency(topic));
    phrases.push_back({"topic:" + view.topics.label(topic), view.topics.label(topic), count * idf, count});
  }
  std::sort(phrases.begin(), phrases.end(), [](const auto& a, const auto& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.name < b.name;
  });
  // Drop a phrase inside a stronger one with the same works ("vision transformer" vs
  // "vision transformer models" are the same topic to a reader).
  std::vector<model::NamedCount> kept;
  for (auto& p : phrases) {
    bool covered = std::any_of(kept.begin(), kept.end(), [&](const auto& k) {
      return k.count == p.count && (k.name.find(p.name) != std::string::npos || p.name.find(k.name) != std::string::npos);
    });
    if (!covered) kept.push_back(std::move(p));
    if (kept.size() == max_phrases) break;
  }

  fields.insert(fields.end(), kept.begin(), kept.end());
  return fields;
}

}  // namespace bzpeer::enrich

#include "enrich/researcher_topics.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace bzpeer::enrich {

std::vector<model::NamedCount> researcher_topics(const CorpusView& view, std::uint32_t researcher,
                                                 size_t max_phrases, size_t max_fields, std::vector<int>& counts) {
  const auto& works = view.works_of[researcher];
  std::map<std::string, int> field_counts;
  counts.resize(view.topics.topic_count(), 0);
  std::vector<TopicId> seen;
  for (std::uint32_t w : works) {
    for (const auto& c : view.works[w].categories) ++field_counts[c];
    for (TopicId t : view.works[w].topics)
      if (counts[t]++ == 0) seen.push_back(t);
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
  struct Scored {
    TopicId topic;
    int count;
    double weight;
  };
  std::vector<Scored> scored;
  for (TopicId topic : seen) {
    int count = counts[topic];
    counts[topic] = 0;
    if (count < min_count) continue;
    scored.push_back({topic, count, count * std::log(documents / view.topics.document_frequency(topic))});
  }
  // Only the strongest candidates are compared with each other below.
  constexpr size_t kCandidates = 60;
  auto by_weight = [&](const Scored& a, const Scored& b) {
    if (a.weight != b.weight) return a.weight > b.weight;
    return view.topics.label(a.topic) < view.topics.label(b.topic);
  };
  size_t keep = std::min(kCandidates, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep), scored.end(), by_weight);
  for (size_t i = 0; i < keep; ++i) {
    const std::string& label = view.topics.label(scored[i].topic);
    phrases.push_back({"topic:" + label, label, scored[i].weight, scored[i].count});
  }
  // Of two nested phrases keep the one that says more: "masked image" gives way to
  // "masked image modeling" when the longer phrase covers most of its works, and a weak
  // extension ("semantic segmentation framework") gives way to its strong core.
  auto inside = [](const std::string& shorter, const std::string& longer) {
    return shorter.size() < longer.size() && (" " + longer + " ").find(" " + shorter + " ") != std::string::npos;
  };
  auto redundant = [&](const model::NamedCount& p) {
    return std::any_of(phrases.begin(), phrases.end(), [&](const model::NamedCount& q) {
      if (inside(p.name, q.name)) return q.count * 4 >= p.count * 3;
      if (inside(q.name, p.name)) return p.count * 4 < q.count * 3;
      return false;
    });
  };
  std::vector<model::NamedCount> kept;
  for (const auto& p : phrases) {
    if (kept.size() == max_phrases) break;
    if (!redundant(p)) kept.push_back(p);
  }

  fields.insert(fields.end(), kept.begin(), kept.end());
  return fields;
}

}  // namespace bzpeer::enrich

#include "identity/stable_ids.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace bzpeer::identity {

std::vector<model::ResearcherId> assign_stable_ids(const std::vector<store::AuthorshipRow>& rows,
                                                   const std::vector<std::vector<size_t>>& clusters) {
  // Candidate (overlap, previous id, cluster) triples, best overlap first.
  std::vector<std::tuple<size_t, model::ResearcherId, size_t>> candidates;
  model::ResearcherId highest;
  for (size_t c = 0; c < clusters.size(); ++c) {
    std::map<model::ResearcherId, size_t> overlap;
    for (size_t i : clusters[c]) {
      model::ResearcherId previous = rows[i].previous_researcher;
      if (previous) ++overlap[previous];
      highest = std::max(highest, previous);
    }
    for (auto [id, count] : overlap) candidates.emplace_back(count, id, c);
  }
  std::sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
    if (std::get<1>(a) != std::get<1>(b)) return std::get<1>(a) < std::get<1>(b);
    return std::get<2>(a) < std::get<2>(b);
  });
  std::vector<model::ResearcherId> ids(clusters.size());
  std::set<model::ResearcherId> taken;
  for (auto [count, id, c] : candidates) {
    if (ids[c] || taken.count(id)) continue;
    ids[c] = id;
    taken.insert(id);
  }
  // New researchers, numbered in cluster order after every id seen so far.
  for (auto& id : ids)
    if (!id) id = highest = model::ResearcherId(highest.value() + 1);
  return ids;
}

std::vector<std::pair<model::ResearcherId, model::ResearcherId>> merged_ids(
    const std::vector<store::AuthorshipRow>& rows, const std::vector<std::vector<size_t>>& clusters,
    const std::vector<model::ResearcherId>& ids) {
  std::set<model::ResearcherId> live(ids.begin(), ids.end());
  // previous id -> (new id -> authorships that moved there)
  std::map<model::ResearcherId, std::map<model::ResearcherId, size_t>> moved;
  for (size_t c = 0; c < clusters.size(); ++c)
    for (size_t i : clusters[c]) {
      model::ResearcherId previous = rows[i].previous_researcher;
      if (previous && !live.count(previous)) ++moved[previous][ids[c]];
    }
  std::vector<std::pair<model::ResearcherId, model::ResearcherId>> out;
  for (const auto& [previous, targets] : moved) {
    auto best = std::max_element(targets.begin(), targets.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second < b.second : a.first > b.first;
    });
    out.emplace_back(previous, best->first);
  }
  return out;
}

}  // namespace bzpeer::identity

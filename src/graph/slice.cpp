#include "graph/slice.hpp"

#include <algorithm>
#include <unordered_map>

namespace bzpeer::graph {

namespace {

double total_weight(const GraphView::Neighbours& n, size_t fanout) {
  double total = 0;
  for (size_t i = 0; i < n.weights.size() && i < fanout; ++i) total += n.weights[i];
  return total > 0 ? total : 1;
}

bool expandable(NodeType t) { return t == NodeType::researcher || t == NodeType::work; }

}  // namespace

Slice slice(const GraphView& g, std::uint32_t centre, const SliceOptions& options) {
  std::unordered_map<std::uint32_t, double> score;
  auto first = g.neighbours(centre);
  double first_total = total_weight(first, options.fanout);
  for (size_t i = 0; i < first.targets.size() && i < options.fanout; ++i) {
    std::uint32_t v = first.targets[i];
    double share = first.weights[i] / first_total;
    score[v] += share;
    if (!expandable(g.type(v))) continue;
    auto second = g.neighbours(v);
    size_t fanout = std::min<size_t>(options.fanout / 4, second.targets.size());
    double second_total = total_weight(second, fanout);
    for (size_t j = 0; j < fanout; ++j)
      if (second.targets[j] != centre) score[second.targets[j]] += 0.5 * share * second.weights[j] / second_total;
  }
  std::array<std::vector<SliceNode>, 5> by_type;
  for (const auto& [node, s] : score)
    if (options.types[static_cast<size_t>(g.type(node))]) by_type[static_cast<size_t>(g.type(node))].push_back({node, s});
  Slice out;
  out.nodes.push_back({centre, 1.0});
  for (auto& list : by_type) {
    size_t keep = std::min(options.per_type, list.size());
    std::partial_sort(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(keep), list.end(),
                      [](const SliceNode& a, const SliceNode& b) { return a.weight != b.weight ? a.weight > b.weight : a.node < b.node; });
    out.nodes.insert(out.nodes.end(), list.begin(), list.begin() + static_cast<std::ptrdiff_t>(keep));
  }
  // Edges among the kept nodes: a few dozen ids, so a sorted vector beats a hash set;
  // rows are scanned up to a bound so a venue with 100,000 papers costs no more.
  std::vector<std::uint32_t> kept;
  for (const auto& n : out.nodes) kept.push_back(n.node);
  std::sort(kept.begin(), kept.end());
  constexpr size_t kRowScan = 2000;
  for (const auto& n : out.nodes) {
    auto nb = g.neighbours(n.node);
    for (size_t i = 0; i < nb.targets.size() && i < kRowScan; ++i)
      if (n.node < nb.targets[i] && std::binary_search(kept.begin(), kept.end(), nb.targets[i]))
        out.edges.push_back({n.node, nb.targets[i], static_cast<EdgeType>(nb.types[i]), nb.weights[i]});
  }
  return out;
}

std::vector<std::uint32_t> coauthor_path(const GraphView& g, std::uint32_t from, std::uint32_t to, int max_hops) {
  if (from == to) return {from};
  std::unordered_map<std::uint32_t, std::uint32_t> parent{{from, from}};
  std::vector<std::uint32_t> frontier{from}, next;
  for (int hop = 0; hop < max_hops && !frontier.empty(); ++hop) {
    next.clear();
    for (std::uint32_t u : frontier) {
      auto nb = g.neighbours(u);
      for (size_t i = 0; i < nb.targets.size(); ++i) {
        if (static_cast<EdgeType>(nb.types[i]) != EdgeType::coauthorship) continue;
        std::uint32_t v = nb.targets[i];
        if (!parent.emplace(v, u).second) continue;
        if (v == to) {
          std::vector<std::uint32_t> path{to};
          while (path.back() != from) path.push_back(parent[path.back()]);
          std::reverse(path.begin(), path.end());
          return path;
        }
        next.push_back(v);
      }
    }
    std::swap(frontier, next);
  }
  return {};
}

}  // namespace bzpeer::graph

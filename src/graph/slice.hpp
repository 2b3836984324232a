#pragma once
// Neighbourhoods and paths in the research graph.
//
// slice: the most relevant nodes of each type within two hops of a node. Relevance is a
// two-step random walk from the centre (a truncated personalized PageRank): a neighbour
// gets its share of the centre's edge weight, and a neighbour's neighbour half of that
// share times its own share; only the strongest `fanout` edges of a node are walked, so
// the cost is bounded whatever the degree. The slice keeps the top `per_type` of each
// type asked for, and every edge among the kept nodes.
//
// coauthor_path: the shortest chain of co-authors between two researchers (BFS).
#include <array>
#include <cstdint>
#include <vector>

#include "graph/graph_view.hpp"

namespace bzpeer::graph {

struct SliceOptions {
  size_t per_type = 8;
  std::array<bool, 5> types = {true, true, true, true, true};  // indexed by NodeType
  size_t fanout = 200;
};

struct SliceNode {
  std::uint32_t node;
  double weight;
};

struct SliceEdge {
  std::uint32_t source, target;
  EdgeType type;
  float weight;
};

struct Slice {
  std::vector<SliceNode> nodes;  // the centre first
  std::vector<SliceEdge> edges;
};

Slice slice(const GraphView& g, std::uint32_t centre, const SliceOptions& options);

// Researcher nodes from `from` to `to` inclusive; empty when they are not connected
// within `max_hops` co-authorships.
std::vector<std::uint32_t> coauthor_path(const GraphView& g, std::uint32_t from, std::uint32_t to, int max_hops = 6);

}  // namespace bzpeer::graph

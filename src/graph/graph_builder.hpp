#pragma once
// Builds the research graph from the catalog and writes it (to a temporary file, then
// renamed: a reader never maps a half-written graph). Nodes: works, researchers, the
// topics on their profiles, institutions (affiliations), venues. Edges: authorship,
// co-authorship (shared works), researcher-topic (strength on the profile),
// affiliation (works signed with it), work-venue.
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "store/index_source.hpp"

namespace bzpeer::graph {

struct GraphStats {
  std::uint64_t nodes = 0, edges = 0, bytes = 0;
  double seconds = 0;
};

Result<GraphStats> build_graph(store::IndexSource& source, const std::string& path);

}  // namespace bzpeer::graph

#include "graph/graph_file.hpp"

namespace bzpeer::graph {

namespace {
constexpr const char* kNodeNames[] = {"work", "researcher", "topic", "institution", "venue"};
constexpr const char* kEdgeNames[] = {"authorship", "coauthorship", "topic", "affiliation", "venue"};
}  // namespace

const char* node_type_name(NodeType t) { return kNodeNames[static_cast<int>(t)]; }
const char* edge_type_name(EdgeType t) { return kEdgeNames[static_cast<int>(t)]; }

bool parse_node_type(std::string_view name, NodeType& out) {
  for (int i = 0; i < 5; ++i)
    if (name == kNodeNames[i]) {
      out = static_cast<NodeType>(i);
      return true;
    }
  return false;
}

}  // namespace bzpeer::graph

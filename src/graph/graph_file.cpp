#include "graph/graph_file.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>

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

std::uint64_t crc32_of(std::uint64_t crc, const void* bytes, size_t size) {
  const auto* p = static_cast<const Bytef*>(bytes);
  while (size > 0) {  // zlib takes at most 4 GiB a call
    const auto chunk = static_cast<uInt>(std::min<size_t>(size, std::numeric_limits<uInt>::max()));
    crc = ::crc32(static_cast<uLong>(crc), p, chunk);
    p += chunk;
    size -= chunk;
  }
  return crc;
}

}  // namespace bzpeer::graph

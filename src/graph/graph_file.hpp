#pragma once
// The research graph as one file: nodes (type, external key, label) and undirected
// weighted edges in CSR form (each edge stored in both rows, each row sorted by weight,
// strongest first). `bzpeer build` writes DATA/graph.bin; `serve` memory-maps it, so
// start-up costs a page-in, not a parse.
//
// Layout (little-endian, 8-byte aligned sections):
//   Header                            magic, counts, and the CRC-32 of all that follows
//                                     (a damaged file is refused, not served)
//   uint8   node_type[nodes]          (padded to 8)
//   int64   node_key[nodes]           researcher/work id; topic/institution/venue: 0
//   uint64  label_offset[nodes + 1]   into labels
//   char    labels[]                  (padded to 8)
//   uint64  row_offset[nodes + 1]     into the edge arrays
//   uint32  edge_target[edges]        (padded to 8)
//   float   edge_weight[edges]        (padded to 8)
//   uint8   edge_type[edges]
#include <cstdint>
#include <string>
#include <string_view>

namespace bzpeer::graph {

enum class NodeType : std::uint8_t { work = 0, researcher = 1, topic = 2, institution = 3, venue = 4 };
enum class EdgeType : std::uint8_t { authorship = 0, coauthorship = 1, topic = 2, affiliation = 3, venue = 4 };

inline constexpr char kMagic[8] = {'B', 'Z', 'G', 'R', 'A', 'P', 'H', '2'};

struct Header {
  char magic[8];
  std::uint64_t nodes = 0, edges = 0, label_bytes = 0;
  std::uint64_t body_crc32 = 0;  // zlib's CRC-32 of the bytes after the header
};


const char* node_type_name(NodeType t);  // "work", "researcher", ...
const char* edge_type_name(EdgeType t);
bool parse_node_type(std::string_view name, NodeType& out);

inline std::uint64_t padded(std::uint64_t n) { return (n + 7) & ~std::uint64_t{7}; }

}  // namespace bzpeer::graph

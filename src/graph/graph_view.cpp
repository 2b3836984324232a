#include "graph/graph_view.hpp"

#include "core/checksum.hpp"
#include "core/text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace bzpeer::graph {

namespace {
constexpr std::uint8_t kLastNodeType = static_cast<std::uint8_t>(NodeType::venue);
constexpr std::uint8_t kLastEdgeType = static_cast<std::uint8_t>(EdgeType::venue);
}  // namespace

Result<std::shared_ptr<const GraphView>> GraphView::open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return make_error(ErrorCode::not_found, "no research graph at " + path + ": run `bzpeer build`");
  struct stat st {};
  fstat(fd, &st);
  std::shared_ptr<GraphView> g(new GraphView);
  g->size_ = static_cast<size_t>(st.st_size);
  if (g->size_ < sizeof(Header)) {
    ::close(fd);
    return make_error(ErrorCode::io, path + " is not a BZPEER graph");
  }
  g->map_ = mmap(nullptr, g->size_, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (g->map_ == MAP_FAILED) {
    g->map_ = nullptr;
    return make_error(ErrorCode::io, "cannot map " + path);
  }
  const char* base = static_cast<const char*>(g->map_);
  std::memcpy(&g->header_, base, sizeof(Header));
  auto damaged = [&](const std::string& why) {
    return make_error(ErrorCode::io, path + " is damaged (" + why + "): run `bzpeer build` to rebuild it");
  };
  if (std::memcmp(g->header_.magic, kMagic, sizeof kMagic - 1) != 0) return make_error(ErrorCode::io, path + " is not a BZPEER graph");
  if (g->header_.magic[7] != kMagic[7])
    return make_error(ErrorCode::io, path + " is a graph of another version of BZPEER: run `bzpeer build`");
  const std::uint64_t n = g->header_.nodes, e = g->header_.edges;
  // Every node and edge takes bytes of the file: larger counts are damage, and bounding
  // them keeps the sizes below from overflowing.
  if (n >= g->size_ || e >= g->size_ || g->header_.label_bytes >= g->size_ || n >= UINT32_MAX)
    return damaged("its counts exceed its size");
  const std::uint64_t expected = sizeof(Header) + padded(n) + padded(n * 8) + 2 * padded((n + 1) * 8) +
                                 padded(g->header_.label_bytes) + 2 * padded(e * 4) + padded(e);
  if (expected != g->size_) return damaged("truncated or extended");
  if (crc32_of(0, base + sizeof(Header), g->size_ - sizeof(Header)) != g->header_.body_crc32)
    return damaged("its checksum does not match");
  std::uint64_t at = sizeof(Header);
  auto take = [&](std::uint64_t bytes) {
    const char* p = base + at;
    at += padded(bytes);
    return p;
  };
  g->types_ = reinterpret_cast<const std::uint8_t*>(take(n));
  g->keys_ = reinterpret_cast<const std::int64_t*>(take(n * 8));
  g->label_offsets_ = reinterpret_cast<const std::uint64_t*>(take((n + 1) * 8));
  g->labels_ = take(g->header_.label_bytes);
  g->rows_ = reinterpret_cast<const std::uint64_t*>(take((n + 1) * 8));
  g->targets_ = reinterpret_cast<const std::uint32_t*>(take(e * 4));
  g->weights_ = reinterpret_cast<const float*>(take(e * 4));
  g->edge_types_ = reinterpret_cast<const std::uint8_t*>(take(e));
  if (auto problem = g->structure_problem()) return damaged(*problem);
  for (std::uint32_t i = 0; i < n; ++i) {
    switch (g->type(i)) {
      case NodeType::researcher: g->researchers_.emplace(g->keys_[i], i); break;
      case NodeType::work: g->works_.emplace(g->keys_[i], i); break;
      default: g->named_.emplace(named_key(g->public_id(i)), i);
    }
  }
  return std::shared_ptr<const GraphView>(std::move(g));
}

// The checksum finds damage; this finds a writer's mistake before a reader trusts an
// offset: every type known, offsets rising within their arrays, every edge to a node.
std::optional<std::string> GraphView::structure_problem() const {
  const std::uint64_t n = header_.nodes, e = header_.edges;
  for (std::uint64_t i = 0; i < n; ++i)
    if (types_[i] > kLastNodeType) return "node " + std::to_string(i) + " has an unknown type";
  if (label_offsets_[0] != 0 || label_offsets_[n] != header_.label_bytes || rows_[0] != 0 || rows_[n] != e)
    return std::string("its offsets do not span their arrays");
  for (std::uint64_t i = 0; i < n; ++i)
    if (label_offsets_[i] > label_offsets_[i + 1] || rows_[i] > rows_[i + 1])
      return "the offsets of node " + std::to_string(i) + " go backwards";
  for (std::uint64_t i = 0; i < e; ++i)
    if (targets_[i] >= n || edge_types_[i] > kLastEdgeType) return "edge " + std::to_string(i) + " is malformed";
  return std::nullopt;
}

std::string GraphView::named_key(const std::string& id) {
  const size_t colon = id.find(':');
  if (colon == std::string::npos) return id;
  return id.substr(0, colon + 1) + text::fold(std::string_view(id).substr(colon + 1));
}

GraphView::~GraphView() {
  if (map_) munmap(map_, size_);
}

std::string GraphView::public_id(std::uint32_t n) const {
  switch (type(n)) {
    case NodeType::researcher: return "R" + std::to_string(keys_[n]);
    case NodeType::work: return "W" + std::to_string(keys_[n]);
    default: return std::string(node_type_name(type(n))) + ":" + std::string(label(n));
  }
}

std::optional<std::uint32_t> GraphView::find(const std::string& id) const {
  if (id.size() > 1 && (id[0] == 'R' || id[0] == 'W') && std::isdigit(static_cast<unsigned char>(id[1]))) {
    std::int64_t key = 0;
    for (size_t i = 1; i < id.size(); ++i) {
      if (!std::isdigit(static_cast<unsigned char>(id[i])) || i > 18) return std::nullopt;
      key = key * 10 + (id[i] - '0');
    }
    const auto& map = id[0] == 'R' ? researchers_ : works_;
    auto it = map.find(key);
    if (it == map.end()) return std::nullopt;
    return it->second;
  }
  auto it = named_.find(named_key(id));
  if (it == named_.end()) return std::nullopt;
  return it->second;
}

GraphView::Neighbours GraphView::neighbours(std::uint32_t n) const {
  std::uint64_t a = rows_[n], b = rows_[n + 1];
  return {{targets_ + a, static_cast<size_t>(b - a)}, {weights_ + a, static_cast<size_t>(b - a)},
          {edge_types_ + a, static_cast<size_t>(b - a)}};
}

}  // namespace bzpeer::graph

#include "graph/graph_view.hpp"

#include "core/text.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

namespace bzpeer::graph {

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
  if (std::memcmp(g->header_.magic, kMagic, sizeof kMagic) != 0) return make_error(ErrorCode::io, path + " is not a BZPEER graph");
  const std::uint64_t n = g->header_.nodes, e = g->header_.edges;
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
  if (at > g->size_ + 8) return make_error(ErrorCode::io, path + " is truncated");
  for (std::uint32_t i = 0; i < n; ++i) {
    switch (g->type(i)) {
      case NodeType::researcher: g->researchers_.emplace(g->keys_[i], i); break;
      case NodeType::work: g->works_.emplace(g->keys_[i], i); break;
      default: g->named_.emplace(named_key(g->public_id(i)), i);
    }
  }
  return std::shared_ptr<const GraphView>(std::move(g));
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

#pragma once
// A read-only, memory-mapped research graph (see graph_file.hpp), safe to share
// between threads. Finds nodes by their public id ("R12", "W34", "topic:...",
// "institution:...", "venue:...").
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "graph/graph_file.hpp"

namespace bzpeer::graph {

class GraphView {
 public:
  static Result<std::shared_ptr<const GraphView>> open(const std::string& path);
  ~GraphView();
  GraphView(const GraphView&) = delete;
  GraphView& operator=(const GraphView&) = delete;

  std::uint64_t node_count() const { return header_.nodes; }
  std::uint64_t edge_count() const { return header_.edges / 2; }  // undirected
  std::uint64_t file_bytes() const { return size_; }
  NodeType type(std::uint32_t n) const { return static_cast<NodeType>(types_[n]); }
  std::string_view label(std::uint32_t n) const {
    return {labels_ + label_offsets_[n], static_cast<size_t>(label_offsets_[n + 1] - label_offsets_[n])};
  }
  std::string public_id(std::uint32_t n) const;
  // Named nodes are found whatever the case or accents of their name ("topic:NLP").
  std::optional<std::uint32_t> find(const std::string& public_id) const;

  struct Neighbours {
    std::span<const std::uint32_t> targets;
    std::span<const float> weights;
    std::span<const std::uint8_t> types;
  };
  // Strongest first.
  Neighbours neighbours(std::uint32_t n) const;

 private:
  GraphView() = default;
  // "type:" and the folded name: how named nodes are shared (graph_builder).
  static std::string named_key(const std::string& public_id);
  std::optional<std::string> structure_problem() const;
  Header header_;
  void* map_ = nullptr;
  size_t size_ = 0;
  const std::uint8_t* types_ = nullptr;
  const std::int64_t* keys_ = nullptr;
  const std::uint64_t* label_offsets_ = nullptr;
  const char* labels_ = nullptr;
  const std::uint64_t* rows_ = nullptr;
  const std::uint32_t* targets_ = nullptr;
  const float* weights_ = nullptr;
  const std::uint8_t* edge_types_ = nullptr;
  std::unordered_map<std::int64_t, std::uint32_t> researchers_, works_;
  std::unordered_map<std::string, std::uint32_t> named_;
};

}  // namespace bzpeer::graph

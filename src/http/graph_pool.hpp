#pragma once
// The served research graph: mapped once and shared by every thread; re-mapped when a
// build replaces DATA/graph.bin (checked at most once a second). A file that fails its
// checks (graph_view: size, checksum, structure) is not served, not even the graph
// mapped before it (the damage may be in the same file); the reason goes to the log.
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "graph/graph_view.hpp"

namespace bzpeer::http {

class GraphPool {
 public:
  explicit GraphPool(std::string data_dir) : path_(std::move(data_dir) + "/graph.bin") {}
  // The current graph, or nullptr when none was built or the file is damaged.
  std::shared_ptr<const graph::GraphView> get();

 private:
  std::string path_;
  std::mutex mutex_;
  std::shared_ptr<const graph::GraphView> graph_;
  std::filesystem::file_time_type loaded_time_{};
  std::chrono::steady_clock::time_point checked_{};
};

}  // namespace bzpeer::http

#include "http/graph_pool.hpp"

#include <cstdio>

namespace bzpeer::http {

std::shared_ptr<const graph::GraphView> GraphPool::get() {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (graph_ && now - checked_ < std::chrono::seconds(1)) return graph_;
  checked_ = now;
  std::error_code ec;
  auto time = std::filesystem::last_write_time(path_, ec);
  if (ec) return graph_;
  if (time == loaded_time_) return graph_;  // loaded, or refused and logged, already
  loaded_time_ = time;
  auto opened = graph::GraphView::open(path_);
  if (!opened) std::fprintf(stderr, "bzpeer serve: not serving the research graph: %s\n", opened.error().message.c_str());
  graph_ = opened ? *opened : nullptr;
  return graph_;
}

}  // namespace bzpeer::http

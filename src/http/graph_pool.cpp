#include "http/graph_pool.hpp"

namespace bzpeer::http {

std::shared_ptr<const graph::GraphView> GraphPool::get() {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  if (graph_ && now - checked_ < std::chrono::seconds(1)) return graph_;
  checked_ = now;
  std::error_code ec;
  auto time = std::filesystem::last_write_time(path_, ec);
  if (ec) return graph_;
  if (!graph_ || time != loaded_time_) {
    if (auto opened = graph::GraphView::open(path_)) {
      graph_ = *opened;
      loaded_time_ = time;
    }
  }
  return graph_;
}

}  // namespace bzpeer::http

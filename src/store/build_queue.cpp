#include "store/build_queue.hpp"

#include <chrono>
#include <thread>

namespace bzpeer::store {

Result<size_t> take_partitions(BuildQueue& queue, std::int64_t run, PartitionKind kind, const std::string& worker,
                               bool wait, const std::function<Status(int partition)>& work) {
  size_t done = 0;
  for (;;) {
    auto taken = queue.take_partition(run, kind, worker);
    if (!taken) return taken.error();
    if (*taken) {
      if (auto worked = work(**taken); !worked) {
        queue.release_partition();
        return worked.error();
      }
      ++done;
      continue;
    }
    if (!wait) return done;
    auto left = queue.partitions_left(run, kind);
    if (!left) return left.error();
    if (*left == 0) return done;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // held by another worker
  }
}

Result<bool> wait_for_stage(BuildQueue& queue, std::int64_t run, RunStage stage, int wait_seconds, const std::string& what) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  for (;;) {
    auto now_at = queue.run_stage(run);
    if (!now_at) return now_at.error();
    if (*now_at == stage) return true;
    if (*now_at > stage) return false;  // the stages come in their enum's order
    if (std::chrono::steady_clock::now() >= deadline)
      return make_error(ErrorCode::not_found, "the build's " + what + " did not start within " + std::to_string(wait_seconds) + " s");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the coordinator finishes the stage before
  }
}

}  // namespace bzpeer::store

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

}  // namespace bzpeer::store

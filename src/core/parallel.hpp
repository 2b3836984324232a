#pragma once
// Runs fn(i) for every i in [0, n) on all cores (at most 8 threads, or as set), handing out
// indices one at a time so uneven items (a huge block, a large cluster) balance out.
// fn must be safe to call concurrently for different i.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace bzpeer {

// The threads parallel_for uses: set by `bzpeer build --threads` (0: the default).
inline std::atomic<unsigned>& parallel_threads_setting() {
  static std::atomic<unsigned> threads{0};
  return threads;
}
inline void set_parallel_threads(unsigned threads) { parallel_threads_setting() = threads; }
inline unsigned parallel_threads() {
  unsigned set = parallel_threads_setting();
  return set ? set : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
}

template <typename Fn>
void parallel_for(size_t n, Fn&& fn) {
  unsigned threads = parallel_threads();
  std::atomic<size_t> next{0};
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t)
    workers.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  for (auto& w : workers) w.join();
}

// Maps a stream on every core while keeping its order: items are gathered in batches,
// `map(item)` runs for a batch's items in parallel, then `consume(item, result)` for
// each in the order added. Call flush() after the last item.
template <typename Item, typename Out>
class ParallelBatches {
 public:
  ParallelBatches(size_t batch, std::function<Out(const Item&)> map, std::function<void(Item&, Out&)> consume)
      : batch_(batch), map_(std::move(map)), consume_(std::move(consume)) {
    items_.reserve(batch);
  }
  void add(Item item) {
    items_.push_back(std::move(item));
    if (items_.size() >= batch_) flush();
  }
  void flush() {
    outs_.resize(items_.size());
    parallel_for(items_.size(), [&](size_t i) { outs_[i] = map_(items_[i]); });
    for (size_t i = 0; i < items_.size(); ++i) consume_(items_[i], outs_[i]);
    items_.clear();
    outs_.clear();
  }

 private:
  size_t batch_;
  std::function<Out(const Item&)> map_;
  std::function<void(Item&, Out&)> consume_;
  std::vector<Item> items_;
  std::vector<Out> outs_;
};

}  // namespace bzpeer

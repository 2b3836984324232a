#pragma once
// Writes batches of works to the catalog on a thread of its own, so parsing the next
// batch overlaps with storing this one (ingest uses both cores). At most `capacity`
// batches wait, which bounds memory.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/work_writer.hpp"

namespace bzpeer::cli {

class BatchWriter {
 public:
  BatchWriter(store::WorkWriter& catalog, size_t capacity = 2);
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;
  ~BatchWriter();

  // Queues a batch (blocks while the queue is full). False once a write has failed.
  bool submit(std::vector<model::Work>&& batch);
  // Waits for every queued batch to be written; returns the totals.
  store::UpsertCounts finish();
  bool failed() const;
  std::string error() const;

 private:
  void run();

  store::WorkWriter& catalog_;
  size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<model::Work>> queue_;
  bool closing_ = false;
  store::UpsertCounts totals_;
  std::string error_;
  std::thread thread_;
};

}  // namespace bzpeer::cli

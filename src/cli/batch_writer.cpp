#include "cli/batch_writer.hpp"

namespace bzpeer::cli {

BatchWriter::BatchWriter(store::WorkWriter& catalog, size_t capacity)
    : catalog_(catalog), capacity_(capacity), thread_([this] { run(); }) {}

BatchWriter::~BatchWriter() { finish(); }

bool BatchWriter::submit(std::vector<model::Work>&& batch) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < capacity_ || !error_.empty(); });
  if (!error_.empty()) return false;
  queue_.push_back(std::move(batch));
  changed_.notify_all();
  return true;
}

store::UpsertCounts BatchWriter::finish() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
    changed_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  return totals_;
}

bool BatchWriter::failed() const {
  std::lock_guard lock(mutex_);
  return !error_.empty();
}

std::string BatchWriter::error() const {
  std::lock_guard lock(mutex_);
  return error_;
}

void BatchWriter::run() {
  for (;;) {
    std::vector<model::Work> batch;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
    }
    auto counts = catalog_.upsert_works(batch);
    std::lock_guard lock(mutex_);
    if (!counts) {
      error_ = counts.error().message;
      queue_.clear();
      changed_.notify_all();
      return;
    }
    totals_.inserted += counts->inserted;
    totals_.updated += counts->updated;
    totals_.unchanged += counts->unchanged;
  }
}

}  // namespace bzpeer::cli

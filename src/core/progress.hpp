#pragma once
// Progress on a terminal for long work (ingest, build); silent when stderr is not a TTY.
#include <chrono>
#include <cstdint>
#include <string>

namespace bzpeer {

class Progress {
 public:
  // `total` may be 0 when unknown (then only the count and rate are shown).
  Progress(std::string label, std::uint64_t total = 0);
  ~Progress();
  void set_total(std::uint64_t total) { total_ = total; }
  // Records that the count reached `done`; redraws at most a few times a second.
  void update(std::uint64_t done);
  // Clears the progress line so a message can be printed; the next update redraws it.
  void clear_line();
  // Clears the progress line for good.
  void finish();

 private:
  std::string label_;
  std::uint64_t total_;
  std::uint64_t done_ = 0;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

}  // namespace bzpeer

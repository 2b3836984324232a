#include "core/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace bzpeer {

Progress::Progress(std::string label, std::uint64_t total)
    : label_(std::move(label)), total_(total), enabled_(isatty(STDERR_FILENO) != 0) {
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

Progress::~Progress() { finish(); }

void Progress::update(std::uint64_t done) {
  done_ = done;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double rate = seconds > 0 ? static_cast<double>(done_) / seconds : 0;
  if (total_ > 0)
    std::fprintf(stderr, "\r%s: %llu / %llu (%.0f%%), %.0f/s   ", label_.c_str(),
                 static_cast<unsigned long long>(done_), static_cast<unsigned long long>(total_),
                 100.0 * static_cast<double>(done_) / static_cast<double>(total_), rate);
  else
    std::fprintf(stderr, "\r%s: %llu, %.0f/s   ", label_.c_str(), static_cast<unsigned long long>(done_), rate);
  std::fflush(stderr);
}

void Progress::clear_line() {
  if (enabled_ && !finished_) std::fprintf(stderr, "\r\033[K");
}

void Progress::finish() {
  if (finished_) return;
  finished_ = true;
  if (enabled_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace bzpeer

#pragma once
// Seconds per phase of a long step, for its summary line: "load 1.2s, evidence 3.4s".
#include <chrono>
#include <cstdio>
#include <string>

namespace bzpeer {

class PhaseClock {
 public:
  // Ends the phase that began at the last mark (or at construction) as `name`.
  void mark(const char* name) {
    auto now = std::chrono::steady_clock::now();
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %.1fs", text_.empty() ? "" : ", ", name,
                  std::chrono::duration<double>(now - last_).count());
    text_ += buf;
    last_ = now;
  }
  const std::string& text() const { return text_; }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::string text_;
};

}  // namespace bzpeer

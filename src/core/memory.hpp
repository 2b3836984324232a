#pragma once
// Resident memory, for the figures a command prints: the process's peak so far, and the
// peak of one stage of a long command (build prints one for each of its stages).
#include <sys/resource.h>

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <string>

namespace bzpeer {

inline size_t peak_resident_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) / 1024;  // Linux reports KiB
}

// The peak resident memory of each stage of a command, and the highest of those peaks.
// Linux keeps one high-water mark a process (VmHWM, also getrusage's) and
// lets the process reset it to its present size (clear_refs 5); where that is refused
// each figure is the process's peak so far.
class StagePeak {
 public:
  StagePeak() { reset(); }
  // The peak of the stage that ends here; the next stage starts from now.
  size_t end_stage() {
    size_t peak = mib();
    reset();
    return peak;
  }
  size_t highest_mib() {
    (void)mib();
    return highest_;
  }

 private:
  static void reset() { std::ofstream("/proc/self/clear_refs") << "5"; }
  size_t mib() {
    size_t peak = peak_resident_mib();
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
      if (line.rfind("VmHWM:", 0) == 0) peak = std::stoul(line.substr(6)) / 1024;
    highest_ = std::max(highest_, peak);
    return peak;
  }

  size_t highest_ = 0;
};

}  // namespace bzpeer

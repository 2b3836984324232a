#pragma once
// The process's peak resident memory so far, for the figures a command prints.
#include <cstddef>
#include <sys/resource.h>

namespace bzpeer {

inline size_t peak_resident_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<size_t>(usage.ru_maxrss) / 1024;  // Linux reports KiB
}

}  // namespace bzpeer

#pragma once
// For the benchmarks' cold passes: drops a file's (or a folder's files') pages from the
// page cache, as after a restart. Needs no privilege: written pages are flushed first,
// then the kernel is told they will not be needed.
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace bzpeer::bench {

inline void evict_from_page_cache(const std::string& path) {
  namespace fs = std::filesystem;
  auto evict = [](const fs::path& file) {
    int fd = ::open(file.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fdatasync(fd);
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
  };
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) evict(path);
  for (const auto& entry : fs::recursive_directory_iterator(path, ec))
    if (entry.is_regular_file(ec)) evict(entry.path());
}

}  // namespace bzpeer::bench

#include "search/index_checksums.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

#include "core/checksum.hpp"

namespace bzpeer::search {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFileName = "CHECKSUMS";
constexpr const char* kHeader = "bzpeer index checksums 1";

struct FileSum {
  std::uintmax_t size = 0;
  std::uint64_t crc = 0;
};

bool recorded(const fs::path& relative) {
  const std::string name = relative.filename().string();
  return name != kFileName && name != "flintlock" && name.find(".tmp") == std::string::npos;
}

// Every recorded file under `dir`, by its path relative to `dir`.
Result<std::map<std::string, FileSum>> sum_files(const std::string& dir) {
  std::map<std::string, FileSum> sums;
  std::error_code ec;
  std::vector<char> buffer(1 << 20);
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    fs::path relative = fs::relative(it->path(), dir, ec);
    if (!recorded(relative)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    if (!in) return make_error(ErrorCode::io, "cannot read " + it->path().string());
    FileSum sum;
    while (in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const auto got = static_cast<size_t>(in.gcount());
      sum.crc = crc32_of(sum.crc, buffer.data(), got);
      sum.size += got;
    }
    if (in.bad()) return make_error(ErrorCode::io, "cannot read " + it->path().string());
    sums[relative.generic_string()] = sum;
  }
  if (ec) return make_error(ErrorCode::io, "cannot list " + dir + ": " + ec.message());
  return sums;
}

}  // namespace

Status write_checksums(const std::string& dir) {
  auto sums = sum_files(dir);
  if (!sums) return sums.error();
  const fs::path path = fs::path(dir) / kFileName, temp = fs::path(dir) / (std::string(kFileName) + ".tmp");
  {
    std::ofstream out(temp, std::ios::trunc);
    out << kHeader << "\n";
    for (const auto& [name, sum] : *sums) out << sum.crc << " " << sum.size << " " << name << "\n";
    out.flush();
    if (!out) return make_error(ErrorCode::io, "cannot write " + temp.string() + " (is the disk full?)");
  }
  std::error_code ec;
  fs::rename(temp, path, ec);
  if (ec) return make_error(ErrorCode::io, "cannot write " + path.string() + ": " + ec.message());
  return Ok{};
}

Status verify_checksums(const std::string& dir) {
  auto damaged = [&](const std::string& why) {
    return make_error(ErrorCode::io, "the search index " + dir + " is damaged (" + why + "): run `bzpeer build` to rebuild it");
  };
  std::ifstream in(fs::path(dir) / kFileName);
  std::string line;
  if (!in || !std::getline(in, line) || line != kHeader) return damaged(std::string("no ") + kFileName + " written by a build");
  std::map<std::string, FileSum> expected;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    FileSum sum;
    std::string name;
    if (!(fields >> sum.crc >> sum.size) || !std::getline(fields >> std::ws, name)) return damaged(std::string(kFileName) + " is malformed");
    expected[name] = sum;
  }
  auto actual = sum_files(dir);
  if (!actual) return actual.error();
  for (const auto& [name, sum] : expected) {
    auto it = actual->find(name);
    if (it == actual->end()) return damaged(name + " is missing");
    if (it->second.size != sum.size) return damaged(name + " has changed size");
    if (it->second.crc != sum.crc) return damaged(name + " does not match its checksum");
  }
  for (const auto& [name, sum] : *actual)
    if (!expected.count(name)) return damaged(name + " was not written by the build");
  return Ok{};
}

Status verify_checksums_once(const std::string& dir) {
  // Keyed on the CHECKSUMS file's time: a build that updates the directory in place
  // writes it last, so a server that looked mid-update looks again after it.
  std::error_code ec;
  auto written = fs::last_write_time(fs::path(dir) / kFileName, ec);
  const std::string key = dir + "@" + (ec ? "none" : std::to_string(written.time_since_epoch().count()));
  static std::mutex mutex;
  static std::map<std::string, Status> checked;
  std::lock_guard lock(mutex);  // one thread checks; the others wait for its answer
  auto it = checked.find(key);
  if (it == checked.end()) it = checked.emplace(key, verify_checksums(dir)).first;
  return it->second;
}

}  // namespace bzpeer::search

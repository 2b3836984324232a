#pragma once
// What the fuzz targets share: the input as a file (the readers take paths), the input
// cut into fields, and a sink that checks what every reader promises of a record it
// accepts. A broken promise aborts, which libFuzzer reports as a finding with its input.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/text.hpp"
#include "ingest/reader.hpp"

namespace bzpeer::fuzz {

// Stops the run with a message: the fuzzer saves the input that got here.
[[noreturn]] inline void finding(const std::string& what) {
  std::fprintf(stderr, "FUZZ FINDING: %s\n", what.c_str());
  std::abort();
}

// A folder of this process's own (in memory when /dev/shm exists), emptied per input.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path base = std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    auto d = base / ("bzpeer-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] { std::error_code ignored; std::filesystem::remove_all(scratch_dir(), ignored); });
    return d;
  }();
  return dir;
}

inline std::string write_scratch(const std::string& name, std::string_view bytes) {
  auto path = scratch_dir() / name;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path.string();
}

// The input cut at NUL bytes into at most `n` fields (the last keeps any further NULs).
inline std::vector<std::string> fields(const std::uint8_t* data, size_t size, size_t n) {
  std::string_view all(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> out;
  while (out.size() + 1 < n) {
    size_t cut = all.find('\0');
    if (cut == std::string_view::npos) break;
    out.emplace_back(all.substr(0, cut));
    all.remove_prefix(cut + 1);
  }
  out.emplace_back(all);
  out.resize(n);
  return out;
}

// Every accepted record has an id and well-formed UTF-8 text (the store and the pages
// rely on both); every rejection names its file and says why.
struct CheckingSink : ingest::RecordSink {
  size_t accepted = 0, rejected = 0;
  void accept(model::Work&& w) override {
    ++accepted;
    if (w.external_id.empty() || w.source.empty()) finding("a record without an id was accepted");
    for (const std::string* text : {&w.external_id, &w.title, &w.abstract, &w.venue, &w.doi, &w.url})
      if (!text::is_valid_utf8(*text)) finding("a record with malformed UTF-8 was accepted: " + w.external_id);
    for (const auto& a : w.authors)
      if (!text::is_valid_utf8(a.raw_name)) finding("an author name with malformed UTF-8 was accepted");
  }
  void reject(ingest::Issue issue) override {
    ++rejected;
    if (issue.file.empty() || issue.reason.empty()) finding("a rejection without its file or reason");
  }
};

// Reads the input as a file named `name` in `format`, through ingest's face.
inline void read_as(std::string_view bytes, const std::string& name, ingest::Format format) {
  CheckingSink sink;
  ingest::Input input{write_scratch(name, bytes), format, bytes.size()};
  ingest::read_input(input, sink);
}

}  // namespace bzpeer::fuzz

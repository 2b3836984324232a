#pragma once
// Reads a file line by line in large blocks, counting lines, for JSON-lines sources
// that may be many gigabytes.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace bzpeer::ingest {

class LineReader {
 public:
  explicit LineReader(const std::string& path);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  ~LineReader();

  bool is_open() const { return file_ != nullptr; }
  // The next line without its newline; false at end of file. Valid until the next call.
  bool next(std::string_view& line);
  std::uint64_t line_number() const { return line_number_; }
  std::uint64_t bytes_read() const { return consumed_; }

 private:
  bool refill();

  std::FILE* file_ = nullptr;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;
  std::uint64_t line_number_ = 0;
  std::uint64_t consumed_ = 0;
  bool eof_ = false;
};

}  // namespace bzpeer::ingest

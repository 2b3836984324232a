#pragma once
// Reads a file line by line in large blocks, counting lines, for JSON-lines sources
// that may be many gigabytes. Gzip-compressed files (the OpenAlex snapshot ships its
// works as .gz parts) are decompressed on the fly; others are read as they are.
#include <cstdint>
#include <string>
#include <string_view>

#include <zlib.h>

namespace bzpeer::ingest {

class LineReader {
 public:
  explicit LineReader(const std::string& path);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;
  ~LineReader();

  bool is_open() const { return file_ != nullptr; }
  // The next line without its newline; false at end of file. Valid until the next call.
  // At least kPadding readable bytes follow every line (simdjson reads past the end).
  bool next(std::string_view& line);
  static constexpr size_t kPadding = 64;
  // Bytes readable from the start of `line` (its length plus at least kPadding).
  size_t capacity_from(std::string_view line) const {
    return static_cast<size_t>(buffer_.data() + buffer_.size() - line.data());
  }
  std::uint64_t line_number() const { return line_number_; }
  // Why reading stopped early ("" when it reached the end): a corrupt or truncated
  // compressed file.
  const std::string& error() const { return error_; }
  std::uint64_t bytes_read() const { return consumed_; }

 private:
  bool refill();

  gzFile file_ = nullptr;
  std::string buffer_;
  size_t begin_ = 0, end_ = 0;
  std::uint64_t line_number_ = 0;
  std::uint64_t consumed_ = 0;
  bool eof_ = false;
  std::string error_;
};

}  // namespace bzpeer::ingest

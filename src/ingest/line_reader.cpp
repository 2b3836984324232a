#include "ingest/line_reader.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>

namespace bzpeer::ingest {

namespace {
constexpr size_t kBlock = 8 << 20;
}

LineReader::LineReader(const std::string& path) : file_(gzopen(path.c_str(), "rb")) {
  size_t block = kBlock;
  if (file_) {
    gzbuffer(file_, 1 << 20);
    // A small plain file needs no 8 MiB buffer (it grows for a longer line anyway).
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (!ec && gzdirect(file_)) block = std::clamp<size_t>(static_cast<size_t>(bytes) + 1, 4096, kBlock);
  }
  buffer_.resize(block + kPadding);
}

LineReader::~LineReader() {
  if (file_) gzclose(file_);
}

bool LineReader::refill() {
  if (eof_) return false;
  // Move the unfinished tail to the front, growing the buffer for very long lines.
  size_t tail = end_ - begin_;
  if (begin_ > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, tail);
  begin_ = 0;
  end_ = tail;
  if (end_ + kPadding == buffer_.size()) buffer_.resize((buffer_.size() - kPadding) * 2 + kPadding);
  int read = gzread(file_, buffer_.data() + end_, static_cast<unsigned>(buffer_.size() - kPadding - end_));
  size_t n = read > 0 ? static_cast<size_t>(read) : 0;
  if (n == 0) {
    eof_ = true;
    int code = Z_OK;
    const char* message = gzerror(file_, &code);
    if (code != Z_OK && code != Z_STREAM_END) error_ = message ? message : "unreadable";
  }
  end_ += n;
  return n > 0;
}

bool LineReader::next(std::string_view& line) {
  if (!file_) return false;
  for (;;) {
    const char* start = buffer_.data() + begin_;
    const void* newline = std::memchr(start, '\n', end_ - begin_);
    if (newline) {
      size_t len = static_cast<size_t>(static_cast<const char*>(newline) - start);
      line = std::string_view(start, len);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      begin_ += len + 1;
      consumed_ += len + 1;
      ++line_number_;
      return true;
    }
    if (!refill()) {
      if (begin_ == end_) return false;
      line = std::string_view(buffer_.data() + begin_, end_ - begin_);
      consumed_ += end_ - begin_;
      begin_ = end_;
      ++line_number_;
      return true;
    }
  }
}

}  // namespace bzpeer::ingest

#include "ingest/line_reader.hpp"

#include <cstring>

namespace bzpeer::ingest {

namespace {
constexpr size_t kBlock = 8 << 20;
}

LineReader::LineReader(const std::string& path) : file_(std::fopen(path.c_str(), "rb")) {
  buffer_.resize(kBlock + kPadding);
}

LineReader::~LineReader() {
  if (file_) std::fclose(file_);
}

bool LineReader::refill() {
  if (eof_) return false;
  // Move the unfinished tail to the front, growing the buffer for very long lines.
  size_t tail = end_ - begin_;
  if (begin_ > 0) std::memmove(buffer_.data(), buffer_.data() + begin_, tail);
  begin_ = 0;
  end_ = tail;
  if (end_ + kPadding == buffer_.size()) buffer_.resize((buffer_.size() - kPadding) * 2 + kPadding);
  size_t n = std::fread(buffer_.data() + end_, 1, buffer_.size() - kPadding - end_, file_);
  if (n == 0) eof_ = true;
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

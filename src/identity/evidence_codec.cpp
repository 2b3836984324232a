#include "identity/evidence_codec.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

namespace bzpeer::identity {

namespace {

static_assert(std::endian::native == std::endian::little, "the evidence layout is little-endian");
static_assert(sizeof(TermWeight) == sizeof(std::uint32_t) + sizeof(float), "a term is its id and weight, unpadded");
constexpr std::uint32_t kLayout = 1;

class Writer {
 public:
  template <typename T>
  void value(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out_.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  template <typename T>
  void list(const std::vector<T>& items) {
    value(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) value(item);
  }
  void text(const std::string& s) {
    value(static_cast<std::uint32_t>(s.size()));
    out_ += s;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  template <typename T>
  bool value(T& v) {
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  template <typename T>
  bool list(std::vector<T>& items) {
    std::uint32_t n = 0;
    if (!value(n) || in_.size() / sizeof(T) < n) return false;
    items.resize(n);
    for (auto& item : items) value(item);
    return true;
  }
  bool text(std::string& s) {
    std::uint32_t n = 0;
    if (!value(n) || in_.size() < n) return false;
    s.assign(in_.data(), n);
    in_.remove_prefix(n);
    return true;
  }
  bool done() const { return in_.empty(); }

 private:
  std::string_view in_;
};

}  // namespace

std::string encode_work_evidence(const WorkEvidence& w) {
  Writer out;
  out.value(kLayout);
  out.text(w.title);
  out.list(w.terms);
  out.value(w.venue);
  out.list(w.venue_words);
  out.list(w.categories);
  out.list(w.author_keys);
  out.value(static_cast<std::int32_t>(w.year));
  out.value(w.id);
  out.list(w.cited);
  return out.take();
}

std::optional<WorkEvidence> decode_work_evidence(std::string_view bytes) {
  Reader in(bytes);
  WorkEvidence w;
  std::uint32_t layout = 0;
  std::int32_t year = 0;
  if (!in.value(layout) || layout != kLayout || !in.text(w.title) || !in.list(w.terms) || !in.value(w.venue) || !in.list(w.venue_words) || !in.list(w.categories) || !in.list(w.author_keys) ||
      !in.value(year) || !in.value(w.id) || !in.list(w.cited) || !in.done())
    return std::nullopt;
  w.year = year;
  return w;
}

}  // namespace bzpeer::identity

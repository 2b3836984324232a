#include "feed/term_vector.hpp"

#include <algorithm>
#include <cmath>

#include "core/stemming.hpp"
#include "core/text.hpp"

namespace bzpeer::feed {

namespace {
constexpr unsigned kTermBits = 22;

// Unigram stems and the pairs of adjacent ones ("vision transform"), in order.
template <typename Visit>
void for_each_term(std::string_view text, Visit&& visit) {
  std::vector<std::string> stems = text::content_stems(text);
  for (size_t i = 0; i < stems.size(); ++i) {
    visit(stems[i]);
    if (i + 1 < stems.size()) visit(stems[i] + " " + stems[i + 1]);
  }
}
}  // namespace

TermId term_id(std::string_view term) {
  return static_cast<TermId>(text::stable_hash(term) & ((1u << kTermBits) - 1));
}

TermCounts count_terms(std::string_view title, std::string_view abstract) {
  std::unordered_map<TermId, std::uint16_t> counts;
  auto add = [&](const std::string& term, std::uint16_t n) {
    auto& c = counts[term_id(term)];
    c = static_cast<std::uint16_t>(std::min<int>(c + n, 60000));
  };
  for_each_term(title, [&](const std::string& t) { add(t, 2); });
  for_each_term(abstract, [&](const std::string& t) { add(t, 1); });
  TermCounts out;
  out.counts.assign(counts.begin(), counts.end());
  std::sort(out.counts.begin(), out.counts.end());
  return out;
}

namespace {
void put_varint(std::string& out, std::uint32_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool get_varint(std::string_view& in, std::uint32_t& v) {
  v = 0;
  for (unsigned shift = 0; shift < 35 && !in.empty(); shift += 7) {
    auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}
}  // namespace

std::string encode_terms(const TermCounts& counts) {
  std::string out;
  out.reserve(counts.counts.size() * 4);
  TermId previous = 0;
  for (const auto& [term, count] : counts.counts) {
    put_varint(out, term - previous);
    put_varint(out, count);
    previous = term;
  }
  return out;
}

std::optional<TermCounts> decode_terms(std::string_view bytes) {
  TermCounts out;
  std::uint32_t term = 0, gap = 0, count = 0;
  while (!bytes.empty()) {
    if (!get_varint(bytes, gap) || !get_varint(bytes, count) || count == 0 || count > 60000) return std::nullopt;
    if (!out.counts.empty() && gap == 0) return std::nullopt;  // ids strictly ascend
    term += gap;
    if (term >= (1u << kTermBits)) return std::nullopt;
    out.counts.emplace_back(term, static_cast<std::uint16_t>(count));
  }
  return out;
}

std::vector<std::string> term_texts(std::string_view title, std::string_view abstract) {
  std::vector<std::string> out;
  for_each_term(title, [&](const std::string& t) { out.push_back(t); });
  for_each_term(abstract, [&](const std::string& t) { out.push_back(t); });
  return out;
}

void DocumentFrequencies::add(const TermCounts& document) {
  ++documents_;
  for (const auto& [term, count] : document.counts) ++frequency_[term];
}

std::uint32_t DocumentFrequencies::frequency(TermId term) const {
  auto it = frequency_.find(term);
  return it == frequency_.end() ? 0 : it->second;
}

double DocumentFrequencies::idf(TermId term) const {
  return std::log((1.0 + documents_) / (1.0 + frequency(term))) + 1.0;
}

TermVector tfidf(const TermCounts& counts, const DocumentFrequencies& df, const TfidfOptions& options) {
  TermVector out;
  const double max_df = std::max(1.0, options.max_df_share * df.documents());
  double norm = 0;
  for (const auto& [term, count] : counts.counts) {
    std::uint32_t f = df.frequency(term);
    if (f < options.min_df || f > max_df) continue;
    double w = (1.0 + std::log(static_cast<double>(count))) * df.idf(term);
    out.terms.push_back(term);
    out.weights.push_back(static_cast<float>(w));
    norm += w * w;
  }
  if (norm > 0) {
    float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (auto& w : out.weights) w *= inv;
  }
  return out;
}

double dot(const TermVector& a, const TermVector& b) {
  double sum = 0;
  size_t i = 0, j = 0;
  while (i < a.terms.size() && j < b.terms.size()) {
    if (a.terms[i] < b.terms[j])
      ++i;
    else if (b.terms[j] < a.terms[i])
      ++j;
    else
      sum += static_cast<double>(a.weights[i++]) * b.weights[j++];
  }
  return sum;
}

}  // namespace bzpeer::feed

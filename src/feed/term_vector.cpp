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

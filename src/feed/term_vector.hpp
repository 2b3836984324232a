#pragma once
// The text features of a work for the feed: tf-idf over stemmed words and adjacent
// word pairs of its title and abstract, as arxiv-sanity-lite's TfidfVectorizer makes
// them (sublinear tf, unit length). Terms are hashed into one fixed space, so no
// vocabulary has to be built or stored for a catalog of any size.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace bzpeer::feed {

using TermId = std::uint32_t;

// A term's id in the hashed space (22 bits: four million slots keep collisions rare
// among the few hundred thousand terms a corpus uses).
TermId term_id(std::string_view term);

// How often each term occurs in a work's title and abstract (the title counts twice:
// it says what the work is about in the fewest words). Sorted by term.
struct TermCounts {
  std::vector<std::pair<TermId, std::uint16_t>> counts;
};
TermCounts count_terms(std::string_view title, std::string_view abstract);
// Term counts as stored beside the catalog (store::WorkFeatureStore): ascending term ids
// as varint gaps, each followed by its count. nullopt for bytes that are not such a list.
std::string encode_terms(const TermCounts& counts);
std::optional<TermCounts> decode_terms(std::string_view bytes);
// The terms as text ("vision", "vision transform"), for explaining a score.
std::vector<std::string> term_texts(std::string_view title, std::string_view abstract);

// In how many documents of a reference set each term occurs.
class DocumentFrequencies {
 public:
  void add(const TermCounts& document);
  std::uint32_t documents() const { return documents_; }
  std::uint32_t frequency(TermId term) const;
  // Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1, as scikit-learn's.
  double idf(TermId term) const;

 private:
  std::unordered_map<TermId, std::uint32_t> frequency_;
  std::uint32_t documents_ = 0;
};

// A unit-length tf-idf vector, sorted by term.
struct TermVector {
  std::vector<TermId> terms;
  std::vector<float> weights;
  bool empty() const { return terms.empty(); }
};

// Terms in fewer than `min_df` documents or in more than `max_df_share` of them are
// left out: the first cannot generalise, the second say nothing about a subject.
struct TfidfOptions {
  std::uint32_t min_df = 2;
  double max_df_share = 0.1;
};
TermVector tfidf(const TermCounts& counts, const DocumentFrequencies& df, const TfidfOptions& options = {});

double dot(const TermVector& a, const TermVector& b);

}  // namespace bzpeer::feed

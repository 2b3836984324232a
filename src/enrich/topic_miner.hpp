#pragma once
// Mines topics from a corpus in two passes: count in how many works each candidate
// phrase appears, then keep, for each work, the phrases frequent enough to be topics
// (seen in several works), not so common that they say nothing, and used in at least
// one title somewhere: titles name subjects ("mobile edge computing"), while abstract
// filler ("thoroughly investigated") never heads a paper.
//
// Counting is exact and memory-bounded: phrase hashes go into 256 buckets by their top
// byte, each bucket is sorted and its runs counted (no per-phrase hash-map nodes, which
// at a million works would be hundreds of millions of allocations).
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace bzpeer::enrich {

using TopicId = std::uint32_t;

class TopicMiner {
 public:
  TopicMiner();
  // Pass 1: every work's title and abstract.
  void observe(const std::string& title, const std::string& abstract);
  // Between the passes: counts, and keeps the phrases within the frequency band.
  void finish_counting();
  // Pass 2: the topics of one work (ids are assigned on first sight).
  std::vector<TopicId> topics_of(const std::string& title, const std::string& abstract);

  const std::string& label(TopicId id) const { return labels_[id]; }
  std::uint32_t document_frequency(TopicId id) const { return df_of_topic_[id]; }
  std::uint64_t documents() const { return documents_; }
  size_t topic_count() const { return labels_.size(); }

 private:
  std::vector<std::vector<std::uint64_t>> buckets_;     // pass 1: every (document, phrase) hash
  std::vector<std::uint64_t> title_phrases_;             // pass 1: phrase hashes seen in titles
  std::unordered_map<std::uint64_t, std::uint32_t> df_;  // phrases within the band -> works
  std::unordered_map<std::uint64_t, TopicId> id_of_;
  std::vector<std::string> labels_;
  std::vector<std::uint32_t> df_of_topic_;
  std::string folded_;
  std::uint64_t documents_ = 0;
  std::uint32_t min_df_ = 2, max_df_ = 0;
};

// A readable name for an arXiv category or other field code ("cs.CV" -> "Computer Vision").
std::string field_label(const std::string& category);

}  // namespace bzpeer::enrich

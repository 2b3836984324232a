#pragma once
// Champion lists (a tiered index): for each word of the works index too common to walk
// at query time (in more than kChampionMinFreq works a shard on average), the
// kChampionsPerTerm works of the shard where it weighs most under BM25, with that weight.
// A query walks the full lists of its rarer words and only the champion lists of its
// common ones. Scores stay BM25 except that a common word adds nothing to a work that is
// not one of its champions (where it would have added less than to any champion). At a
// million works this takes "model" from 600,000 postings to 2,000, and a title search
// from every list of its words to the lists of its rarer words.
//
// `bzpeer build` writes one file a shard, DATA/search/works-*/champions-<shard>.bin,
// after the shard's documents; a file that is missing or belongs to another shard (its
// Xapian UUID differs) or to an older revision of it is ignored, and queries then walk
// every list.
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <xapian.h>

#include "core/result.hpp"

namespace bzpeer::search {

inline constexpr Xapian::doccount kChampionMinFreq = 2'000;
inline constexpr size_t kChampionsPerTerm = 1'000;

struct Champion {
  Xapian::docid docid;  // local to the shard
  float weight;         // BM25's within-document part for the term
};

// Computes the champion lists of every shard of `works_dir` and writes them, for the
// words in more than `min_freq` works of a shard on average.
Status write_champions(const std::string& works_dir, Xapian::doccount min_freq = kChampionMinFreq);

class Champions : public std::enable_shared_from_this<Champions> {
 public:
  // The lists of all of `works_dir`'s shards; nullptr when any is missing, stale or
  // damaged. Searchers of one process share one copy.
  static std::shared_ptr<const Champions> load(const std::string& works_dir);

  // True when `term` has champion lists (it is common in at least one shard).
  bool has(const std::string& term) const { return terms_.count(term) > 0; }
  // A query matching the champions of `term`, weighted as BM25 weighs `term` in `works`.
  Xapian::Query query(const std::string& term, const Xapian::Database& works) const;

  // `term`'s champions in the shard with `uuid`, by docid (nullptr when it has none).
  const std::vector<Champion>* list(const std::string& uuid, const std::string& term) const;

 private:
  static std::shared_ptr<const Champions> read(const std::string& works_dir);

  struct Shard {
    std::string uuid;
    std::unordered_map<std::string, std::vector<Champion>> lists;
  };
  std::vector<Shard> shards_;
  std::unordered_set<std::string> terms_;
};

}  // namespace bzpeer::search

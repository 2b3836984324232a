#pragma once
// Champion lists (a tiered index): for each word of the works index too common to walk
// at query time (in more than kChampionMinFreq works a shard on average), the
// kChampionsPerTerm works of each shard where it weighs most under BM25, with that
// weight. A query's candidates are its rarer words' best works (their full lists) and
// its common words' champions, scored here; the best candidates are then scored again
// by BM25 over every list. At a million works this takes "model" from 600,000 postings
// to 2,000 read from memory.
//
// The lists travel in each shard's metadata (meta::champions), committed with the shard,
// so they are there on a remote shard too, and this side does the scoring: xapian-tcpsrv
// runs no custom posting sources. (Champion terms put on the documents themselves were
// tried: Xapian rewrites a document's positions to add a term, which took 4.8 s of a
// 13 s index build at 12,000 works.)
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>
#include <xapian.h>

#include "core/result.hpp"

namespace bzpeer::search {

inline constexpr Xapian::doccount kChampionMinFreq = 2'000;
inline constexpr size_t kChampionsPerTerm = 1'000;

struct Champion {
  Xapian::docid docid;  // local to the shard
  float weight;         // BM25's within-document part for the word
};

// Rewrites the champion lists of every shard (committed, after their documents) for the
// words in more than `min_freq` works of a shard on average, and commits them.
Status write_champions(std::vector<Xapian::WritableDatabase>& shards, Xapian::doccount min_freq = kChampionMinFreq);

class Champions {
 public:
  // The lists of the shards; nullptr when they have none, are damaged, or disagree on
  // the words (a build is between its shards' commits). Searchers of one process share
  // one copy.
  static std::shared_ptr<const Champions> load(const std::vector<Xapian::Database>& shards);

  // True when `word` has champion lists (it is common in the works index).
  bool has(const std::string& word) const { return words_.count(word) > 0; }
  // How many works have `word`, over all shards.
  Xapian::doccount termfreq(const std::string& word) const;
  // Adds `word_weight` times each champion's weight to its score, by global docid.
  void add_scores(const std::string& word, double word_weight, std::unordered_map<Xapian::docid, double>& scores) const;

 private:
  struct List {
    Xapian::doccount termfreq = 0;  // in the shard
    std::vector<Champion> champions;
  };
  std::vector<std::unordered_map<std::string, List>> shards_;
  std::unordered_map<std::string, Xapian::doccount> words_;  // word -> termfreq over all shards
};

}  // namespace bzpeer::search

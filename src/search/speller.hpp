#pragma once
// "Did you mean" for one word: the most frequent word of an index's spelling dictionary
// within one edit (a letter dropped, added or replaced, or two neighbours swapped), else
// within two. Most typos are one edit. Xapian's own suggester merges the trigram lists of
// the word, which over a large dictionary costs milliseconds a word, and is not there on
// a remote shard; this one looks up the word's deletions in a sorted table, a few
// microseconds for one edit and well under a millisecond for two.
//
// The dictionary travels with each index in its metadata (meta::spelling), written by
// the build from Xapian's spelling table, so a remote shard carries its own.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace bzpeer::search {

class Speller {
 public:
  // The dictionaries of `dbs` (the shards of one index) together.
  explicit Speller(const std::vector<Xapian::Database>& dbs);
  // The speller of `dbs`, shared by the searchers of a process while the index is the
  // same (same UUIDs and works revisions).
  static std::shared_ptr<const Speller> shared(const std::vector<Xapian::Database>& dbs);

  // The best correction of `word` (folded to lower case), or "" when there is none.
  std::string suggest(const std::string& word) const;
  // Whether `word` (folded) is in the dictionary: a word of the index's text.
  bool knows(std::string_view word) const;
  size_t size() const { return words_.size(); }

 private:
  struct Entry {
    std::uint64_t key;  // hash of the word with one letter (or none) deleted
    std::uint32_t word;
    bool operator<(const Entry& o) const { return key < o.key || (key == o.key && word < o.word); }
  };
  // Calls `visit` with the index of every dictionary word within one edit of `word`.
  template <typename Visit>
  void for_each_within_one_edit(std::string_view word, Visit visit) const;
  // The most frequent of the words `candidates` visits, other than `word`; "" if none.
  template <typename Candidates>
  std::string most_frequent(std::string_view word, Candidates candidates) const;

  std::vector<std::string> words_;  // sorted
  std::vector<Xapian::termcount> frequency_;
  std::vector<Entry> deletions_;  // sorted by key
};

// True when `a` and `b` differ by at most one edit (transposition counts as one).
bool within_one_edit(std::string_view a, std::string_view b);

// Copies `db`'s spelling table (committed) into its metadata, where Speller reads it.
void write_spelling_dictionary(Xapian::WritableDatabase& db);

}  // namespace bzpeer::search

#pragma once
// "Did you mean" for one word: the most frequent word of an index's spelling dictionary
// within one edit (a letter dropped, added or replaced, or two neighbours swapped).
// Most typos are one edit. Xapian's own suggester merges the trigram lists of the word,
// which over a large dictionary costs milliseconds a word; this one looks up the word's
// deletions in a hash table, a few microseconds, and falls back to Xapian for two edits.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>
#include <xapian.h>

namespace bzpeer::search {

class Speller {
 public:
  // Reads the spelling dictionary of `db` (words added with add_spelling).
  explicit Speller(const Xapian::Database& db);
  // The speller of `db`, shared by the searchers of a process while the index is the same
  // (same UUID and works revision).
  static std::shared_ptr<const Speller> shared(const Xapian::Database& db);

  // The best correction of `word` (folded to lower case), or "" when there is none.
  std::string suggest(const std::string& word) const;
  size_t size() const { return words_.size(); }

 private:
  struct Entry {
    std::uint64_t key;  // hash of the word with one letter (or none) deleted
    std::uint32_t word;
    bool operator<(const Entry& o) const { return key < o.key || (key == o.key && word < o.word); }
  };
  std::string within_one_edit(std::string_view word) const;

  Xapian::Database db_;  // for the two-edit fallback
  std::vector<std::string> words_;
  std::vector<Xapian::termcount> frequency_;
  std::vector<Entry> deletions_;  // sorted by key
};

// True when `a` and `b` differ by at most one edit (transposition counts as one).
bool within_one_edit(std::string_view a, std::string_view b);

}  // namespace bzpeer::search

#pragma once
// "Did you mean" for a query, in two steps. Each plain word the spelling dictionary does
// not know is a probe: it is corrected (to its suggestion, if it has one) only if the
// index has never seen it (a word of abstracts or venues is in the index but not in the
// dictionary). The plan is made here, without the index; which probes the index has is
// asked once, and on remote shards that question can ride with the search itself
// (Searcher: a guess that every probe with a suggestion is a misspelling, checked by the
// same exchange that fetches candidates). Suggestions cost up to a millisecond a word,
// so they are looked up only for probes the index lacks, or for that guess. Xapian's own
// correction also rewrites words the index has ("all" into "al"), so only unknown words
// are offered to it.
#include <map>
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "search/speller.hpp"

namespace bzpeer::search {

class SpellingPlan {
 public:
  SpellingPlan(const Speller& speller, const std::string& text);

  // Every probe once (folded).
  const std::vector<std::string>& probes() const { return probes_; }
  // The probes that have a suggestion (each looked up once).
  std::vector<std::string> correctable_probes() const;
  // The query with each probe the index does not have (`in_index` lists those it has)
  // replaced by its suggestion; "" when nothing changes.
  std::string corrected_text(const std::set<std::string>& in_index) const;

 private:
  const std::string& suggestion(const std::string& probe) const;

  const Speller& speller_;
  std::vector<std::string> tokens_;    // the query split at spaces
  std::vector<std::string> probe_of_;  // per token: its probe, or ""
  std::vector<std::string> probes_;
  mutable std::map<std::string, std::string> suggestions_;  // by probe, once looked up
};

// Which of `words` the index has: their term frequencies, from one match of no items
// (one exchange with each remote shard).
std::set<std::string> words_in_index(const Xapian::Database& db, const std::vector<std::string>& words);

}  // namespace bzpeer::search

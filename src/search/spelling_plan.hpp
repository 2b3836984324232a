#pragma once
// "Did you mean" for a query, in two steps. Each plain word the spelling dictionary does
// not know, and that has a suggestion, is a probe: it is corrected only if the index has
// never seen it (a name or a venue word is in the index but not in the dictionary). The
// plan is made here, without the index; which probes the index has is asked once, and on
// remote shards that question can ride with the search itself (Searcher: a guess that
// every probe is a misspelling, checked by the same exchange that fetches candidates).
// Xapian's own correction also rewrites words the index has ("all" into "al"), so only
// unknown words are offered to it.
#include <set>
#include <string>
#include <vector>
#include <xapian.h>

#include "search/speller.hpp"

namespace bzpeer::search {

struct SpellingPlan {
  std::vector<std::string> tokens;       // the query split at spaces
  std::vector<std::string> probe_of;     // per token: its probe (folded), or ""
  std::vector<std::string> suggestion;   // per token: the correction of its probe
  std::vector<std::string> probes;       // every probe once
};

SpellingPlan plan_spelling(const Speller& speller, const std::string& text);

// The query with each probe the index does not have (`in_index` lists those it has)
// replaced by its suggestion; "" when nothing changes.
std::string corrected_text(const SpellingPlan& plan, const std::set<std::string>& in_index);

// Which of `words` the index has: their term frequencies, from one match of no items
// (one exchange with each remote shard).
std::set<std::string> words_in_index(const Xapian::Database& db, const std::vector<std::string>& words);

}  // namespace bzpeer::search

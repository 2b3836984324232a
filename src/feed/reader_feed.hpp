#pragma once
// The feed as served: candidates from the indexes (works of followed researchers and of
// the reader's co-authors, works like the reader's own and saved ones through Xapian's
// relevance feedback, new works in chosen categories), ranked for the reader with
// their reasons. One FeedEngine per process; its caches are shared by all threads.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/result.hpp"
#include "feed/ranking.hpp"
#include "search/searcher.hpp"
#include "store/catalog.hpp"

namespace bzpeer::feed {

// What an account (or a visitor) has told us.
struct ReaderInterests {
  std::optional<model::ResearcherId> claimed;
  std::vector<model::ResearcherId> followed;
  std::vector<std::string> topics;  // followed topics' labels
  std::vector<std::int64_t> saved, liked, dismissed;
  std::vector<std::string> categories;  // chosen ("cs.CV")
  bool empty() const {
    return !claimed && followed.empty() && topics.empty() && saved.empty() && liked.empty() && categories.empty();
  }
};

enum class FeedSort { score, date };

struct FeedQuery {
  FeedSort sort = FeedSort::score;
  std::string category;  // only works in it ("cs.CV"); empty: all
  int days = 0;          // only works of the last `days` days of the catalog; 0: all
  size_t offset = 0, limit = 20;
};

struct FeedItem {
  store::WorkSummary work;
  double score = 0;  // display_score
  std::vector<Reason> reasons;
  std::vector<std::string> top_terms;  // the words that weighed most in the content score
  std::string affiliation_tag;         // "stanford": where the work was written, else its first author's newest place
  bool saved = false;
};

struct FeedPage {
  std::vector<FeedItem> items;
  size_t total = 0;  // ranked candidates after the query's filters
};

class FeedEngine {
 public:
  Result<FeedPage> feed(const ReaderInterests& reader, const FeedQuery& query, store::Catalog& catalog,
                        search::Searcher& searcher);

 private:
  struct Reference;  // document frequencies and sampled negatives of one catalog revision
  // What ranking needs of a work (its vector, day and categories), kept across requests
  // so that a repeated feed reads only the works of the page it shows.
  struct WorkFacts {
    std::int64_t id = 0;
    int day = 0;
    std::vector<std::string> categories;
    TermVector vector;
  };
  Result<std::shared_ptr<const Reference>> reference(store::Catalog& catalog);
  // The facts of `ids` (unknown ids left out), from the cache or else the catalog's
  // stored features.
  Result<std::vector<std::shared_ptr<const WorkFacts>>> facts_for(const std::vector<std::int64_t>& ids,
                                                                  store::Catalog& catalog, const Reference& ref);
  // Works like `examples` (Searcher::works_like), remembered per set of examples.
  std::vector<std::int64_t> works_like(const std::vector<std::int64_t>& examples, search::Searcher& searcher);
  std::shared_ptr<const LinearScorer> scorer_for(const ReaderInterests& reader, const std::vector<const TermVector*>& liked,
                                                 const std::vector<const TermVector*>& disliked, const Reference& ref);

  std::mutex mutex_;
  std::shared_ptr<const Reference> reference_;
  std::int64_t reference_revision_ = -1;
  std::unordered_map<std::int64_t, std::shared_ptr<const WorkFacts>> facts_;     // by work id, bounded
  std::unordered_map<std::uint64_t, std::vector<std::int64_t>> like_;           // by examples, bounded
  std::unordered_map<std::uint64_t, std::shared_ptr<const LinearScorer>> scorers_;  // by interests, bounded
};

}  // namespace bzpeer::feed

#pragma once
// Runs queries against the search indexes: works (free text with stemming, phrases,
// AND/OR/NOT, field prefixes, year ranges, spelling correction, filters, sorts and
// facets), researchers and topics. One Searcher per thread: Xapian databases are not
// shared between threads.
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "search/champions.hpp"
#include "search/schema.hpp"
#include "search/speller.hpp"
#include "search/work_filter.hpp"

namespace bzpeer::search {

struct WorkQuery {
  std::string text;                     // the user's query (checked here); may be empty
  std::optional<Xapian::Query> filter;  // from parse_work_filter
  WorkSort sort = WorkSort::relevance;
  Xapian::doccount offset = 0, limit = 25;
  std::vector<Xapian::valueno> facets;  // value slots to count over the matches
  Xapian::doccount facet_sample = 0;    // count over this many matches (0: all of them)
};

struct WorkHit {
  std::int64_t id = 0;
  double score = 0;
  std::string title;
};

struct FacetCount {
  std::string value;
  Xapian::doccount count = 0;
};

struct WorkResults {
  std::vector<WorkHit> hits;
  Xapian::doccount total = 0;
  bool total_exact = true;
  std::string corrected;  // "did you mean": the query with misspellings corrected
  std::vector<std::vector<FacetCount>> facets;  // parallel to WorkQuery::facets, most frequent first
  Xapian::MSet mset;      // kept for snippets
  // `text` with the query's matching words wrapped in <mark>, HTML-escaped, about `length` bytes.
  std::string snippet(const std::string& text, size_t length) const;
};

struct ResearcherHit {
  model::ResearcherId id = 0;
  double score = 0;
};

struct TopicHit {
  model::TopicSummary topic;
  double score = 0;
};

template <typename Hit>
struct Hits {
  std::vector<Hit> hits;
  Xapian::doccount total = 0;
};

class Searcher {
 public:
  // Opens the indexes named by DATA/search/CURRENT.
  static Result<std::unique_ptr<Searcher>> open(const std::string& data_dir);

  Result<WorkResults> works(const WorkQuery& query);
  // Works like `examples` (Xapian's relevance feedback: the examples as the relevant
  // set, its best expansion terms as the query), the examples themselves left out,
  // best first; within `filter` when given.
  Result<std::vector<std::int64_t>> works_like(const std::vector<std::int64_t>& examples,
                                               const std::optional<Xapian::Query>& filter, Xapian::doccount limit);
  // Empty text lists researchers (most works first) or topics (most works first).
  Result<Hits<ResearcherHit>> researchers(const std::string& text, Xapian::doccount offset, Xapian::doccount limit);
  Result<Hits<TopicHit>> topics(const std::string& text, Xapian::doccount offset, Xapian::doccount limit);

  // Reopens the indexes when a build has swapped in new ones (looks at most once a second).
  void refresh();
  Xapian::doccount work_count() const { return works_.get_doccount(); }

 private:
  explicit Searcher(std::string data_dir) : data_dir_(std::move(data_dir)) {}
  void open_all();
  Result<WorkResults> works_once(const WorkQuery& query);
  Result<std::vector<std::int64_t>> works_like_once(const std::vector<std::int64_t>& examples,
                                                    const std::optional<Xapian::Query>& filter, Xapian::doccount limit);
  // A build updates the works index in place: a reader on an older revision reopens it
  // once and asks again.
  template <typename Once>
  auto reopening_once(Once&& once) -> decltype(once()) {
    try {
      return once();
    } catch (const Xapian::DatabaseModifiedError&) {
      works_.reopen();
      reopened_in_place(current_index_paths(data_dir_).works);
      return once();
    }
  }
  // The words of `text` as a phrase of author names, when 2 to 4 words that some
  // researcher's name holds all of; else nothing.
  std::optional<Xapian::Query> author_phrase(const std::string& text);
  void reopened_in_place(const std::string& works_dir);
  // The spelling dictionary of an index, read when a query first needs it.
  static const Speller& speller(const Xapian::Database& db, std::shared_ptr<const Speller>& slot);

  std::string data_dir_;
  std::string current_stamp_;
  std::chrono::steady_clock::time_point last_refresh_ = std::chrono::steady_clock::now();
  Xapian::Database works_, researchers_, topics_;
  std::shared_ptr<const Champions> champions_;  // null: walk every list
  std::shared_ptr<const Speller> works_speller_, researchers_speller_, topics_speller_;
};

}  // namespace bzpeer::search

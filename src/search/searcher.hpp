#pragma once
// Runs queries against the search indexes: works (free text with stemming, phrases,
// AND/OR/NOT, field prefixes, year ranges, spelling correction, filters, sorts and
// facets), researchers and topics. One Searcher per thread: the index handles it holds
// are not shared between threads. The engine (Xapian) stays inside: this face takes
// and gives plain values.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "search/work_filter.hpp"
#include "search/works_shards.hpp"

namespace bzpeer::search {

struct WorkQuery {
  std::string text;                  // the user's query (checked here); may be empty
  std::optional<WorkFilter> filter;  // from parse_work_filter
  WorkSort sort = WorkSort::relevance;
  size_t offset = 0, limit = 25;
  std::vector<Facet> facets;  // what to count over the matches
  size_t facet_sample = 0;    // count over this many matches (0: all of them)
  bool titles = false;        // fill WorkHit::title (a document read a hit; pages read works by id)
};

struct WorkHit {
  std::int64_t id = 0;
  double score = 0;
  std::string title;  // only when WorkQuery::titles
};

struct FacetCount {
  std::string value;  // as shown ("2019", "cs.CV")
  size_t count = 0;
};

class Highlighter;  // the matched words of one result set, for snippets

struct WorkResults {
  std::vector<WorkHit> hits;
  size_t total = 0;
  bool total_exact = true;
  std::string corrected;  // "did you mean": the query with misspellings corrected
  std::vector<std::vector<FacetCount>> facets;  // parallel to WorkQuery::facets, most frequent first
  std::shared_ptr<const Highlighter> highlighter;
  // `text` with the query's matching words wrapped in <mark>, HTML-escaped, about `length` bytes.
  std::string snippet(const std::string& text, size_t length) const;
};

struct ResearcherHit {
  model::ResearcherId id;
  double score = 0;
};

struct TopicHit {
  model::TopicSummary topic;
  double score = 0;
};

template <typename Hit>
struct Hits {
  std::vector<Hit> hits;
  size_t total = 0;
};

// Where the indexes are: the researchers and topics indexes under DATA/search, and the
// works shards there too or on xapian-tcpsrv servers.
inline constexpr unsigned kRemoteTimeoutMs = 3000;
struct SearchPlace {
  std::string data_dir;
  std::vector<RemoteShard> remote;  // the works shards, shard 0 first; empty: under data_dir
  unsigned timeout_ms = kRemoteTimeoutMs;  // for each exchange with a remote shard
};

class Searcher {
 public:
  // Opens the indexes named by DATA/search/CURRENT (and the remote shards, if any: when
  // they do not answer, searches of works fail as unavailable until they do).
  static Result<std::unique_ptr<Searcher>> open(const SearchPlace& place);
  static Result<std::unique_ptr<Searcher>> open(const std::string& data_dir) { return open(SearchPlace{data_dir, {}, kRemoteTimeoutMs}); }
  ~Searcher();

  Result<WorkResults> works(const WorkQuery& query);
  // Works like `examples` (relevance feedback: the examples as the relevant set, its best
  // expansion terms as the query), the examples themselves left out, best first; within
  // `filter` when given.
  Result<std::vector<std::int64_t>> works_like(const std::vector<std::int64_t>& examples,
                                               const std::optional<WorkFilter>& filter, size_t limit);
  // Empty text lists researchers (most works first) or topics (most works first).
  Result<Hits<ResearcherHit>> researchers(const std::string& text, size_t offset, size_t limit);
  Result<Hits<TopicHit>> topics(const std::string& text, size_t offset, size_t limit);

  // Reopens the indexes when a build has swapped in new ones, and remote shards that
  // stopped answering (looks at most once a second).
  void refresh();

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bzpeer::search

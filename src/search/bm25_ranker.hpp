#pragma once
// BM25 (the search engine's own, with its defaults) over a set of documents held in
// memory, for ranking a few thousand candidates against a long query: the feed's
// offline evaluation scores works by a researcher's earlier titles and abstracts so.
#include <memory>
#include <string>
#include <vector>

namespace bzpeer::search {

class Bm25Ranker {
 public:
  // Each document as its terms (stems), in order.
  explicit Bm25Ranker(const std::vector<std::vector<std::string>>& documents);
  ~Bm25Ranker();
  Bm25Ranker(const Bm25Ranker&) = delete;
  Bm25Ranker& operator=(const Bm25Ranker&) = delete;
  Bm25Ranker(Bm25Ranker&&) noexcept;
  Bm25Ranker& operator=(Bm25Ranker&&) noexcept;

  // Every document's score (0 when it shares no term), in the order given; a term
  // repeated in the query weighs more, as BM25's query-frequency part says.
  std::vector<double> scores(const std::vector<std::string>& query_terms) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace bzpeer::search

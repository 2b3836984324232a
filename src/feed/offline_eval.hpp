#pragma once
// Offline evaluation of the feed, as SciNUP (ECIR 2026) evaluates paper
// recommendation: for every researcher with enough works before year Y and in it,
// their works before Y become their interests (as if claimed), all works of Y are
// ranked, and the researcher's own works of Y are what a good feed puts first.
// The model is scored beside a content-only variant and three baselines.
#include <cstddef>
#include <string>

#include "core/result.hpp"
#include "feed/ranking.hpp"
#include "store/pass_rows.hpp"

namespace bzpeer::feed {

struct FeedEvalOptions {
  int year = 0;
  int min_works_before = 5, min_works_in_year = 2;
  size_t max_positives = 100;  // the newest works before Y that train a researcher's scorer
  RankWeights weights;
};

struct RankingQuality {
  double recall_at_20 = 0, ndcg_at_20 = 0;
};

struct FeedEvalReport {
  int year = 0;
  size_t researchers = 0, candidates = 0;
  RankingQuality model, content_only, recency, popularity, bm25_profile;
};

Result<FeedEvalReport> evaluate_feed(store::AssignmentRows& rows, const FeedEvalOptions& options);

// One JSON line: {"year", "researchers", "candidates", "model", "content_only", "baselines"}.
std::string report_json(const FeedEvalReport& report);
// The same as a table for people.
std::string report_table(const FeedEvalReport& report);

}  // namespace bzpeer::feed

#pragma once
// How the feed orders works for one reader: their own content scorer (linear SVM over
// tf-idf) plus the signals of who wrote a work and when, each of which becomes a
// reason the reader can read ("by Qi Tian, whom you follow").
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "feed/linear_svm.hpp"
#include "feed/term_vector.hpp"
#include "model/researcher.hpp"

namespace bzpeer::feed {

// A work that may be shown, as the ranking sees it.
struct CandidateWork {
  std::int64_t id = 0;
  int day = 0;  // days since 1970-01-01 of its publication (0 when unknown)
  std::vector<model::ResearcherId> authors;
  std::vector<std::string> categories;
  std::vector<std::string> topics;  // the reader's followed topics it was found through
  const TermVector* text = nullptr;
};

// Someone the reader has written with, and a work they share (for the reason's link).
struct CoauthorLink {
  int works = 0;
  std::int64_t example_work = 0;
};

// What the reader has told us, directly or through their record.
struct ReaderSignals {
  std::shared_ptr<const LinearScorer> scorer;  // null or empty: no content evidence yet
  std::unordered_map<model::ResearcherId, CoauthorLink> coauthors;
  std::unordered_set<model::ResearcherId> followed;
  std::unordered_set<model::ResearcherId> self;  // the reader's own record: their works are not news
  std::unordered_set<std::string> categories;    // chosen or followed categories ("cs.CV")
};

// How much each signal adds to the content score (an SVM margin, about -1.5 to 1.5).
// Fixed before any evaluation looked at them; see docs/feed.md.
struct RankWeights {
  double content = 1.0;
  double per_coauthor = 0.5, coauthor_cap = 1.0;  // at most two co-authors count
  double followed = 1.0;
  double category = 0.2;
  double topic = 0.3;
  double recency = 0.3, recency_half_life_days = 30;
  bool social = true;  // false: content alone (the content-only variant)
};

struct Reason {
  enum class Kind { followed, coauthor, topic, similar, category };
  Kind kind = Kind::similar;
  model::ResearcherId researcher;  // followed / coauthor
  std::int64_t work = 0;               // coauthor: a work the reader shares with them
  std::string label;                   // topic or category: its label
  std::string name;                    // the researcher's name or the work's title, for the words
  std::string via;                     // similar: "saved" or "liked" when the close work is one of those
};

// The reason in words: "by Qi Tian, whom you follow", "co-author of your work X",
// "in your topic masked image modeling", "close to your saved paper Y", "in your category CV".
std::string reason_text(const Reason& reason);

struct ScoredWork {
  std::int64_t id = 0;
  double score = 0;    // the ranking score
  double content = 0;  // the scorer's part alone
  std::vector<Reason> reasons;
};

// Scores one work (empty reasons when nothing but content spoke). `today` is the day
// recency is counted from.
ScoredWork score_work(const CandidateWork& work, const ReaderSignals& reader, const RankWeights& weights, int today);

// The score as the page shows it: one decimal, about 0 to 35.
double display_score(double score);

// Days since 1970-01-01 of "2022-05-25", "2022-05" (the 15th) or "2022" (1 July); 0 when unreadable.
int day_of_date(const std::string& date);
// A work's day: its date, else its year.
int day_of_work(const std::string& date, int year);

}  // namespace bzpeer::feed

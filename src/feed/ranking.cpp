#include "feed/ranking.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace bzpeer::feed {

ScoredWork score_work(const CandidateWork& work, const ReaderSignals& reader, const RankWeights& weights, int today) {
  ScoredWork out;
  out.id = work.id;
  out.content = (work.text && reader.scorer && !reader.scorer->empty()) ? reader.scorer->score(*work.text) : 0.0;
  out.score = weights.content * out.content;
  if (out.content > 0) out.reasons.push_back({Reason::Kind::similar, {}, 0, {}, {}, {}});
  if (!weights.social) return out;

  double coauthor_part = 0;
  bool followed_author = false;
  for (model::ResearcherId a : work.authors) {
    if (reader.self.count(a)) continue;
    if (auto it = reader.coauthors.find(a); it != reader.coauthors.end()) {
      coauthor_part += weights.per_coauthor;
      out.reasons.push_back({Reason::Kind::coauthor, a, it->second.example_work, {}, {}, {}});
    }
    if (reader.followed.count(a)) {
      followed_author = true;
      out.reasons.push_back({Reason::Kind::followed, a, 0, {}, {}, {}});
    }
  }
  out.score += std::min(coauthor_part, weights.coauthor_cap);
  if (followed_author) out.score += weights.followed;
  for (const auto& t : work.topics) {
    out.score += weights.topic;
    out.reasons.push_back({Reason::Kind::topic, {}, 0, t, {}, {}});
    break;
  }
  for (const auto& c : work.categories)
    if (reader.categories.count(c)) {
      out.score += weights.category;
      out.reasons.push_back({Reason::Kind::category, {}, 0, c, {}, {}});
      break;
    }
  if (work.day > 0 && today >= work.day) {
    double age = today - work.day;
    out.score += weights.recency * std::exp2(-age / weights.recency_half_life_days);
  }
  // Followed researchers first, then co-authors, then the rest, as a reader would ask "why".
  std::stable_sort(out.reasons.begin(), out.reasons.end(),
                   [](const Reason& a, const Reason& b) { return static_cast<int>(a.kind) < static_cast<int>(b.kind); });
  return out;
}

std::string reason_text(const Reason& r) {
  switch (r.kind) {
    case Reason::Kind::followed: return "by " + r.name + ", whom you follow";
    case Reason::Kind::coauthor:
      return r.name.empty() ? "by a co-author of yours" : "by a co-author of your work " + r.name;
    case Reason::Kind::similar:
      if (r.name.empty()) return "close to the works you like";
      return "close to your " + (r.via.empty() ? std::string() : r.via + " ") + "paper " + r.name;
    case Reason::Kind::topic: return "in your topic " + r.label;
    case Reason::Kind::category: return "in your category " + r.label;
  }
  return "";
}

double display_score(double score) { return std::round(std::max(0.0, 10.0 * (1.0 + score)) * 10.0) / 10.0; }

int day_of_work(const std::string& date, int year) { return day_of_date(date.empty() ? std::to_string(year) : date); }

int day_of_date(const std::string& date) {
  int y = 0, m = 7, d = 1;
  int n = std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (n < 1 || y < 1000) return 0;
  if (n == 2) d = 15;
  if (m < 1 || m > 12) m = 7;
  if (d < 1 || d > 31) d = 1;
  using namespace std::chrono;
  auto ymd = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) ymd = year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{1}};
  return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

}  // namespace bzpeer::feed

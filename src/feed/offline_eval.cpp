#include "feed/offline_eval.hpp"

#include <algorithm>
#include <cmath>
#include <mutex>
#include <numeric>
#include <random>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/parallel.hpp"
#include "core/stemming.hpp"
#include "search/bm25_ranker.hpp"

namespace bzpeer::feed {

namespace {

constexpr size_t kCutoff = 20;

struct EvalWork {
  std::int64_t id = 0;
  int year = 0, day = 0;
  std::vector<std::string> categories;
  std::vector<model::ResearcherId> authors;
  TermVector text;
};

struct Corpus {
  std::vector<EvalWork> works;  // years up to Y
  std::vector<size_t> candidates;  // indexes of the works of Y
  std::unordered_map<model::ResearcherId, std::vector<size_t>> works_of;  // newest first
  std::vector<std::string> texts;  // title and abstract, parallel to `works` (for BM25)
};

Result<Corpus> load_corpus(store::AssignmentRows& rows, int year) {
  Corpus c;
  std::unordered_map<std::int64_t, size_t> index;
  std::vector<TermCounts> counts;
  DocumentFrequencies df;
  Status read = rows.for_each_work([&](store::WorkRow&& w) {
    if (w.year <= 0 || w.year > year) return;
    index[w.id] = c.works.size();
    c.works.push_back({w.id, w.year, day_of_work(w.date, w.year),
                       std::move(w.categories), {}, {}});
    counts.push_back(count_terms(w.title, w.abstract));
    df.add(counts.back());
    c.texts.push_back(w.title + " " + w.abstract);
  });
  if (!read) return read.error();
  for (size_t i = 0; i < c.works.size(); ++i) {
    c.works[i].text = tfidf(counts[i], df);
    if (c.works[i].year == year) c.candidates.push_back(i);
  }
  read = rows.for_each_researcher_work([&](model::ResearcherId r, std::int64_t work) {
    auto it = index.find(work);
    if (it == index.end()) return;
    c.works[it->second].authors.push_back(r);
    c.works_of[r].push_back(it->second);
  });
  if (!read) return read.error();
  for (auto& [r, ws] : c.works_of)
    std::sort(ws.begin(), ws.end(), [&](size_t a, size_t b) {
      return std::tie(c.works[a].day, c.works[a].id) > std::tie(c.works[b].day, c.works[b].id);
    });
  return c;
}

// Recall and nDCG at 20 of a ranking by `score` (ties: lower id first).
RankingQuality quality(const std::vector<double>& score, const Corpus& c, const std::vector<bool>& relevant,
                       size_t relevant_count) {
  std::vector<size_t> order(score.size());
  std::iota(order.begin(), order.end(), 0);
  size_t k = std::min(kCutoff, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k), order.end(), [&](size_t a, size_t b) {
    if (score[a] != score[b]) return score[a] > score[b];
    return c.works[c.candidates[a]].id < c.works[c.candidates[b]].id;
  });
  double dcg = 0, ideal = 0;
  size_t hits = 0;
  for (size_t rank = 0; rank < k; ++rank) {
    if (relevant[order[rank]]) {
      ++hits;
      dcg += 1.0 / std::log2(rank + 2.0);
    }
    if (rank < relevant_count) ideal += 1.0 / std::log2(rank + 2.0);
  }
  return {static_cast<double>(hits) / relevant_count, ideal > 0 ? dcg / ideal : 0};
}

void add_to(RankingQuality& sum, const RankingQuality& q) {
  sum.recall_at_20 += q.recall_at_20;
  sum.ndcg_at_20 += q.ndcg_at_20;
}

// BM25 over the works of Y with a researcher's earlier titles and abstracts as the
// query: SciNUP's strong baseline.
search::Bm25Ranker bm25_over_candidates(const Corpus& c) {
  std::vector<std::vector<std::string>> documents;
  for (size_t w : c.candidates) documents.push_back(text::content_stems(c.texts[w]));
  return search::Bm25Ranker(documents);
}

}  // namespace

Result<FeedEvalReport> evaluate_feed(store::AssignmentRows& rows, const FeedEvalOptions& options) {
  if (options.year <= 0) return make_error(ErrorCode::invalid_input, "--year: a publication year is needed");
  auto loaded = load_corpus(rows, options.year);
  if (!loaded) return loaded.error();
  Corpus& c = *loaded;
  if (c.candidates.empty())
    return make_error(ErrorCode::invalid_input, "no works of " + std::to_string(options.year) + " in the catalog");

  std::vector<model::ResearcherId> eligible;
  for (const auto& [r, ws] : c.works_of) {
    int before = 0, during = 0;
    for (size_t w : ws) (c.works[w].year < options.year ? before : during)++;
    if (before >= options.min_works_before && during >= options.min_works_in_year) eligible.push_back(r);
  }
  std::sort(eligible.begin(), eligible.end());
  if (eligible.empty()) return make_error(ErrorCode::invalid_input, "no researcher has enough works before and in the year");

  std::vector<size_t> before_year;
  for (size_t i = 0; i < c.works.size(); ++i)
    if (c.works[i].year < options.year) before_year.push_back(i);
  const int today = day_of_date(std::to_string(options.year) + "-12-31");

  struct PerResearcher {
    RankingQuality model, content, recency, popularity;
    std::vector<bool> relevant;
    size_t relevant_count = 0;
  };
  std::vector<PerResearcher> results(eligible.size());
  parallel_for(eligible.size(), [&](size_t e) {
    model::ResearcherId r = eligible[e];
    const auto& mine = c.works_of.at(r);
    std::vector<const TermVector*> positives;
    ReaderSignals reader;
    reader.self.insert(r);
    std::unordered_set<size_t> own(mine.begin(), mine.end());
    for (size_t w : mine) {
      if (c.works[w].year >= options.year) continue;
      if (positives.size() < options.max_positives) positives.push_back(&c.works[w].text);
      for (model::ResearcherId a : c.works[w].authors)
        if (a != r) {
          auto& link = reader.coauthors[a];
          if (link.works++ == 0) link.example_work = c.works[w].id;
        }
      for (const auto& cat : c.works[w].categories) reader.categories.insert(cat);
    }
    // Negatives: works before Y by others, a fixed sample per researcher.
    std::mt19937_64 rng(static_cast<std::uint64_t>(r.value()));
    size_t want = std::clamp<size_t>(3 * positives.size(), 100, 1000);
    std::vector<const TermVector*> negatives;
    for (size_t tries = 0; negatives.size() < want && tries < want * 4; ++tries) {
      size_t w = before_year[rng() % before_year.size()];
      if (!own.count(w)) negatives.push_back(&c.works[w].text);
    }
    reader.scorer = std::make_shared<const LinearScorer>(fit_linear_svm(positives, negatives));
    // Categories only speak when the reader chose some; a claimed record alone has not.
    reader.categories.clear();

    PerResearcher& out = results[e];
    const size_t n = c.candidates.size();
    out.relevant.assign(n, false);
    std::vector<double> model_score(n), content_score(n), recency(n), popularity(n);
    for (size_t i = 0; i < n; ++i) {
      const EvalWork& w = c.works[c.candidates[i]];
      out.relevant[i] = own.count(c.candidates[i]) > 0;
      out.relevant_count += out.relevant[i];
      CandidateWork cw{w.id, w.day, w.authors, w.categories, {}, &w.text};
      ScoredWork scored = score_work(cw, reader, options.weights, today);
      model_score[i] = scored.score;
      content_score[i] = options.weights.content * scored.content;  // the content-only variant's whole score
      recency[i] = w.day;
      popularity[i] = static_cast<double>(w.authors.size());
    }
    out.model = quality(model_score, c, out.relevant, out.relevant_count);
    out.content = quality(content_score, c, out.relevant, out.relevant_count);
    out.recency = quality(recency, c, out.relevant, out.relevant_count);
    out.popularity = quality(popularity, c, out.relevant, out.relevant_count);
  });

  FeedEvalReport report;
  report.year = options.year;
  report.researchers = eligible.size();
  report.candidates = c.candidates.size();
  const search::Bm25Ranker bm25 = bm25_over_candidates(c);
  for (size_t e = 0; e < eligible.size(); ++e) {
    // The same works the model learns from: the newest `max_positives` before Y.
    std::vector<std::string> profile;
    size_t used = 0;
    for (size_t w : c.works_of.at(eligible[e])) {
      if (c.works[w].year >= options.year) continue;
      if (used++ == options.max_positives) break;
      for (auto& s : text::content_stems(c.texts[w])) profile.push_back(std::move(s));
    }
    add_to(report.bm25_profile, quality(bm25.scores(profile), c, results[e].relevant,
                                        results[e].relevant_count));
    add_to(report.model, results[e].model);
    add_to(report.content_only, results[e].content);
    add_to(report.recency, results[e].recency);
    add_to(report.popularity, results[e].popularity);
  }
  const double n = static_cast<double>(eligible.size());
  for (RankingQuality* q : {&report.model, &report.content_only, &report.recency, &report.popularity, &report.bm25_profile}) {
    q->recall_at_20 /= n;
    q->ndcg_at_20 /= n;
  }
  return report;
}

namespace {
nlohmann::json quality_json(const RankingQuality& q) {
  auto r4 = [](double x) { return std::round(x * 10000) / 10000; };
  return {{"recall_at_20", r4(q.recall_at_20)}, {"ndcg_at_20", r4(q.ndcg_at_20)}};
}
}  // namespace

std::string report_json(const FeedEvalReport& r) {
  nlohmann::json j = {{"year", r.year},
                      {"researchers", r.researchers},
                      {"candidates", r.candidates},
                      {"model", quality_json(r.model)},
                      {"content_only", quality_json(r.content_only)},
                      {"baselines",
                       {{"recency", quality_json(r.recency)},
                        {"popularity", quality_json(r.popularity)},
                        {"bm25_profile", quality_json(r.bm25_profile)}}}};
  return j.dump();
}

std::string report_table(const FeedEvalReport& r) {
  char line[160];
  std::string out;
  std::snprintf(line, sizeof line, "feed eval, year %d: %zu researchers, %zu candidate works\n", r.year, r.researchers,
                r.candidates);
  out += line;
  out += "ranking              recall@20  nDCG@20  nDCG vs BM25\n";
  auto row = [&](const char* name, const RankingQuality& q) {
    double ratio = r.bm25_profile.ndcg_at_20 > 0 ? q.ndcg_at_20 / r.bm25_profile.ndcg_at_20 : 0;
    std::snprintf(line, sizeof line, "%-20s %9.4f %8.4f %12.2fx\n", name, q.recall_at_20, q.ndcg_at_20, ratio);
    out += line;
  };
  row("model", r.model);
  row("content only", r.content_only);
  row("bm25 profile", r.bm25_profile);
  row("recency", r.recency);
  row("popularity", r.popularity);
  return out;
}

}  // namespace bzpeer::feed

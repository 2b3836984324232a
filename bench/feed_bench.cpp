// feed-bench: the latency of the ranked feed for readers with many interests: each
// reader has claimed one of the most prolific researchers' records (its newest 100 works
// are the positives; no two readers share one, so every first request fits a new
// scorer) and follows 200 researchers. Times the first request of each reader
// (document frequencies warm, the reader's scorer and candidates' vectors cold), then
// repeated requests over pages and sorts (p50/p99, one thread, no HTTP). One JSON line.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "feed/reader_feed.hpp"
#include "search/searcher.hpp"
#include "store/catalog.hpp"

namespace {

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

// A bench cannot go on without its catalog: a failed read stops it with the reason.
template <typename T>
T must(bzpeer::Result<T> read) {
  if (!read) {
    std::fprintf(stderr, "feed-bench: %s\n", read.error().message.c_str());
    std::exit(1);
  }
  return std::move(*read);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Feed latency for readers with 200 follows and 100 claimed works"};
  std::string data;
  int readers = 40, requests = 25, follows = 200;
  app.add_option("--data", data, "Built data directory")->required();
  app.add_option("--readers", readers, "Distinct readers");
  app.add_option("--requests", requests, "Requests per reader after its first");
  app.add_option("--follows", follows, "Researchers each reader follows");
  CLI11_PARSE(app, argc, argv);

  auto catalog = bzpeer::store::open_catalog(data, /*read_only=*/true);
  auto searcher = bzpeer::search::Searcher::open(data);
  if (!catalog || !searcher) {
    std::fprintf(stderr, "feed-bench: %s\n", (!catalog ? catalog.error() : searcher.error()).message.c_str());
    return 1;
  }
  // Researchers by works, most first: the claimed record, and the pool to follow from.
  std::vector<std::pair<int, bzpeer::model::ResearcherId>> by_works;
  must((*catalog)->index_source().for_each_researcher(
      [&](bzpeer::model::ResearcherId id, const std::string&) { by_works.push_back({0, id}); }));
  std::mt19937_64 rng(7);
  std::shuffle(by_works.begin(), by_works.end(), rng);
  by_works.resize(std::min<size_t>(by_works.size(), 20000));
  for (auto& [n, id] : by_works) n = static_cast<int>(must((*catalog)->reader().researcher_work_ids(id, 200)).size());
  std::sort(by_works.begin(), by_works.end(), std::greater<>());
  const size_t claimable = static_cast<size_t>(readers);
  if (by_works.size() < claimable + static_cast<size_t>(follows)) {
    std::fprintf(stderr, "feed-bench: too few researchers\n");
    return 1;
  }

  bzpeer::feed::FeedEngine engine;
  auto warm = std::chrono::steady_clock::now();
  (void)engine.feed({}, {}, **catalog, **searcher);  // document frequencies, once per catalog
  double reference_ms = ms_since(warm);

  std::vector<double> first, repeat;
  size_t items = 0, candidates = 0;
  for (int r = 0; r < readers; ++r) {
    bzpeer::feed::ReaderInterests reader;
    reader.claimed = by_works[static_cast<size_t>(r)].second;
    std::vector<size_t> pool(by_works.size() - claimable);
    for (size_t i = 0; i < pool.size(); ++i) pool[i] = i + claimable;
    std::shuffle(pool.begin(), pool.end(), rng);
    for (int f = 0; f < follows; ++f) reader.followed.push_back(by_works[pool[static_cast<size_t>(f)]].second);
    bzpeer::feed::FeedQuery q;
    auto t = std::chrono::steady_clock::now();
    auto page = engine.feed(reader, q, **catalog, **searcher);
    first.push_back(ms_since(t));
    if (!page) {
      std::fprintf(stderr, "feed-bench: %s\n", page.error().message.c_str());
      return 1;
    }
    candidates += page->total;
    for (int k = 0; k < requests; ++k) {
      q.sort = k % 2 ? bzpeer::feed::FeedSort::date : bzpeer::feed::FeedSort::score;
      q.offset = static_cast<size_t>(k % 5) * 20;
      t = std::chrono::steady_clock::now();
      auto again = engine.feed(reader, q, **catalog, **searcher);
      repeat.push_back(ms_since(t));
      if (again) items += again->items.size();
    }
  }
  nlohmann::json out = {{"works", must((*catalog)->reader().work_count())},
                        {"readers", readers},
                        {"follows", follows},
                        {"claimed_works_max", by_works.front().first},
                        {"claimed_works_min", by_works[claimable - 1].first},
                        {"mean_candidates", static_cast<double>(candidates) / readers},
                        {"reference_ms", reference_ms},
                        {"first_p50_ms", percentile(first, 0.5)},
                        {"first_p99_ms", percentile(first, 0.99)},
                        {"repeat_p50_ms", percentile(repeat, 0.5)},
                        {"repeat_p99_ms", percentile(repeat, 0.99)},
                        {"items", items}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

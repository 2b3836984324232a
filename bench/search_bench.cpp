// search-bench: latency and throughput of works search on a built data directory, for
// BZPEER's Xapian index and, on the same corpus and the very same queries, SQLite FTS5
// with bm25 as the reference. Each engine runs the queries twice, one at a time: cold
// (its files dropped from the page cache first, a fresh searcher) and warm (the same
// queries again); then throughput with two threads, one searcher (or connection) each.
// A query that fails is counted as failed, never as a miss. Both engines are timed for
// what a page asks of them, the ranked ids (the page reads its works from the catalog);
// the answers' titles are looked up afterwards, untimed.
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "page_cache.hpp"
#include "core/text.hpp"
#include "search/searcher.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using Hits = std::vector<std::int64_t>;  // work ids, best first
using Engine = std::function<std::optional<Hits>(const std::string&)>;  // one per thread; nullopt: failed

std::vector<std::string> read_lines(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

void die(const std::string& message) {
  std::fprintf(stderr, "search-bench: %s\n", message.c_str());
  std::exit(1);
}

// FTS5 reference over the catalog's works: title, abstract and authors, porter stemming.
class Fts5 {
 public:
  Fts5(const std::string& data_dir, bool rebuild) {
    std::string path = data_dir + "/fts5-reference.sqlite";
    if (rebuild) std::filesystem::remove(path);
    bool fresh = !std::filesystem::exists(path);
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) die("cannot open " + path);
    if (fresh) {
      auto start = Clock::now();
      exec("ATTACH DATABASE '" + data_dir + "/catalog.sqlite' AS catalog");
      exec("CREATE VIRTUAL TABLE fts USING fts5(title, abstract, authors, tokenize = 'porter unicode61')");
      exec("INSERT INTO fts(rowid, title, abstract, authors) SELECT w.id, w.title, w.abstract, "
           "(SELECT group_concat(raw_name, ', ') FROM catalog.authorships a WHERE a.id >= w.id * 8192 AND a.id < (w.id + 1) * 8192) "
           "FROM catalog.works w");
      exec("INSERT INTO fts(fts) VALUES ('optimize')");
      exec("DETACH DATABASE catalog");
      build_seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    bytes = std::filesystem::file_size(path);
    sqlite3_close(db_);
    path_ = path;
  }
  const std::string& path() const { return path_; }
  double build_seconds = -1;  // -1: reused an existing reference index
  std::uintmax_t bytes = 0;

  // A connection for one thread.
  Engine engine() const {
    auto db = std::shared_ptr<sqlite3>(nullptr, sqlite3_close);
    sqlite3* raw = nullptr;
    sqlite3_open_v2(path_.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    db.reset(raw, sqlite3_close);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(raw, "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 3.0, 1.0, 2.0) LIMIT 10",
                       -1, &stmt, nullptr);
    auto shared_stmt = std::shared_ptr<sqlite3_stmt>(stmt, sqlite3_finalize);
    return [db, shared_stmt](const std::string& query) {
      // Each word as a quoted FTS5 string, ORed: the same free-text semantics as ours.
      std::string match;
      for (const auto& word : bzpeer::text::words(query)) {
        std::string quoted;
        for (char c : word) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        match += (match.empty() ? "\"" : " OR \"") + quoted + "\"";
      }
      Hits hits;
      if (match.empty()) return std::optional<Hits>(hits);
      sqlite3_stmt* s = shared_stmt.get();
      sqlite3_bind_text(s, 1, match.c_str(), -1, SQLITE_TRANSIENT);
      int step;
      while ((step = sqlite3_step(s)) == SQLITE_ROW)
        hits.push_back(sqlite3_column_int64(s, 0));
      sqlite3_reset(s);
      return step == SQLITE_DONE ? std::optional<Hits>(hits) : std::nullopt;
    };
  }

 private:
  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) die(std::string("fts5: ") + error);
  }
  sqlite3* db_ = nullptr;
  std::string path_;
};

// `remote`: the works shards on xapian-tcpsrv ("tcp://host:port,..."); empty: under data_dir.
Engine xapian_engine(const std::string& data_dir, const std::string& remote) {
  bzpeer::search::SearchPlace place{data_dir, {}, bzpeer::search::kRemoteTimeoutMs};
  if (!remote.empty()) {
    auto shards = bzpeer::search::parse_shard_urls(remote);
    if (!shards) die(shards.error().message);
    place.remote = std::move(*shards);
  }
  auto opened = bzpeer::search::Searcher::open(place);
  if (!opened) die(opened.error().message);
  std::shared_ptr<bzpeer::search::Searcher> searcher = std::move(*opened);
  return [searcher](const std::string& query) {
    bzpeer::search::WorkQuery q;
    q.text = query;
    q.limit = 10;
    auto r = searcher->works(q);
    if (!r && r.error().code == bzpeer::ErrorCode::unavailable) die(r.error().message);  // a shard is down: no figure
    if (!r) return std::optional<Hits>();
    Hits hits;
    for (const auto& h : r->hits) hits.push_back(h.id);
    return std::optional<Hits>(hits);
  };
}

// The titles of the answers' works, from the catalog (DATA/catalog.sqlite): the
// known-item score counts a work with the very same title as the paper.
class Titles {
 public:
  explicit Titles(const std::string& data_dir) {
    std::string path = data_dir + "/catalog.sqlite";
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_, "SELECT title FROM works WHERE id = ?", -1, &stmt_, nullptr) != SQLITE_OK)
      die("cannot read titles from " + path + ": " + sqlite3_errmsg(db_));
  }
  ~Titles() {
    sqlite3_finalize(stmt_);
    sqlite3_close(db_);
  }
  Titles(const Titles&) = delete;
  Titles& operator=(const Titles&) = delete;
  std::string of(std::int64_t id) {
    sqlite3_bind_int64(stmt_, 1, id);
    std::string title;
    if (sqlite3_step(stmt_) == SQLITE_ROW) title = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, 0));
    sqlite3_reset(stmt_);
    return title;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

struct Pass {
  double p50_ms = 0, p99_ms = 0;
  size_t failed = 0;
  nlohmann::ordered_json slowest = nlohmann::ordered_json::array();  // the tail's queries, slowest first
};

constexpr size_t kSlowestShown = 3;

// One query at a time; the answers (an "error" for a failed query) go to `answers`,
// titled from `titles`.
Pass timed_pass(const Engine& engine, const std::vector<std::string>& queries, std::ofstream* answers,
                Titles* titles) {
  Pass pass;
  std::vector<double> ms;
  for (const auto& q : queries) {
    auto start = Clock::now();
    std::optional<Hits> hits = engine(q);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (!hits) ++pass.failed;
    if (answers) {
      nlohmann::ordered_json line{{"query", q}};
      if (hits) {
        nlohmann::ordered_json results = nlohmann::ordered_json::array();
        for (std::int64_t id : *hits) results.push_back({{"id", "W" + std::to_string(id)}, {"title", titles->of(id)}});
        line["results"] = results;
      } else {
        line["error"] = "the query failed";
      }
      *answers << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
  }
  std::vector<size_t> order(ms.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ms[a] > ms[b]; });
  for (size_t i = 0; i < std::min(kSlowestShown, order.size()); ++i)
    pass.slowest.push_back({{"query", queries[order[i]]}, {"ms", ms[order[i]]}});
  std::sort(ms.begin(), ms.end());
  pass.p50_ms = ms[ms.size() / 2];
  pass.p99_ms = ms[std::min(ms.size() - 1, ms.size() * 99 / 100)];
  return pass;
}

struct Figures {
  Pass cold, warm;
  double qps = 0;
};

// `files`: the engine's index files, dropped from the page cache before the cold pass.
Figures run(const std::function<Engine()>& make_engine, const std::vector<std::string>& files,
            const std::vector<std::string>& queries, const std::string& answers_path, Titles* titles) {
  Figures f;
  for (const auto& file : files) bzpeer::bench::evict_from_page_cache(file);
  Engine engine = make_engine();
  std::ofstream answers;
  if (!answers_path.empty()) answers.open(answers_path);
  f.cold = timed_pass(engine, queries, answers.is_open() ? &answers : nullptr, titles);
  f.warm = timed_pass(engine, queries, nullptr, nullptr);
  // Throughput, warm: two threads share the queries, each with its own engine.
  std::atomic<size_t> next{0};
  std::vector<Engine> engines = {make_engine(), make_engine()};
  auto start = Clock::now();
  std::vector<std::thread> threads;
  for (auto& e : engines)
    threads.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < queries.size();) e(queries[i]);
    });
  for (auto& t : threads) t.join();
  f.qps = static_cast<double>(queries.size()) / std::chrono::duration<double>(Clock::now() - start).count();
  return f;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Search latency and throughput: BZPEER's Xapian index against SQLite FTS5"};
  std::string data, answers_dir, remote;
  std::vector<std::string> query_files;
  bool rebuild_fts5 = false;
  size_t limit = 0;
  app.add_option("--data", data, "Built data directory")->required();
  app.add_option("--queries", query_files, "Query files (one query a line)")->required();
  app.add_option("--answers", answers_dir, "Directory for each engine's answers (JSON lines, as bzpeer search --batch)");
  app.add_flag("--rebuild-fts5", rebuild_fts5, "Rebuild the FTS5 reference index");
  app.add_option("--limit", limit, "Every engine runs only the first N queries of each set (0: all)");
  app.add_option("--search", remote,
                 "Also time the same shards served by xapian-tcpsrv (tcp://host:port,...), as engine xapian_remote");
  std::vector<std::string> chosen;
  app.add_option("--engines", chosen, "Only these engines (xapian, xapian_remote, fts5); default: all that apply")
      ->delimiter(',');
  CLI11_PARSE(app, argc, argv);
  auto wanted = [&](const std::string& engine) {
    return chosen.empty() || std::find(chosen.begin(), chosen.end(), engine) != chosen.end();
  };

  // FTS5 indexes DATA/catalog.sqlite: only built when timed.
  std::optional<Fts5> fts5;
  if (wanted("fts5")) {
    fts5.emplace(data, rebuild_fts5);
    nlohmann::ordered_json index = {{"engine", "fts5"}, {"index_bytes", fts5->bytes}};
    if (fts5->build_seconds >= 0) index["build_seconds"] = fts5->build_seconds;
    std::printf("%s\n", index.dump().c_str());
  }
  std::optional<Titles> titles;
  if (!answers_dir.empty()) titles.emplace(data);
  for (const auto& file : query_files) {
    auto queries = read_lines(file);
    if (queries.empty()) die("no queries in " + file);
    if (limit > 0 && queries.size() > limit) queries.resize(limit);
    std::string set = std::filesystem::path(file).stem().string();
    std::vector<std::string> engines = {"xapian", "fts5"};
    if (!remote.empty()) engines.insert(engines.begin() + 1, "xapian_remote");
    std::erase_if(engines, [&](const std::string& e) { return !wanted(e); });
    for (const std::string& engine : engines) {
      std::string answers = answers_dir.empty() ? "" : answers_dir + "/" + set + "." + engine + ".jsonl";
      std::function<Engine()> make;
      std::vector<std::string> files;  // a remote engine's are the shard servers' (the same files here)
      if (engine == "fts5") {
        make = [&] { return fts5->engine(); };
        files = {fts5->path()};
      } else {
        make = [&, engine] { return xapian_engine(data, engine == "xapian_remote" ? remote : ""); };
        files = {data + "/search"};
      }
      Figures f = run(make, files, queries, answers, titles ? &*titles : nullptr);
      std::printf("%s\n", nlohmann::ordered_json{{"engine", engine}, {"queries", set}, {"n", queries.size()},
                                                 {"cold_p50_ms", f.cold.p50_ms}, {"cold_p99_ms", f.cold.p99_ms},
                                                 {"warm_p50_ms", f.warm.p50_ms}, {"warm_p99_ms", f.warm.p99_ms},
                                                 {"qps", f.qps}, {"failed", f.cold.failed + f.warm.failed},
                                                 {"warm_slowest", f.warm.slowest}}
                               .dump().c_str());
    }
  }
  return 0;
}

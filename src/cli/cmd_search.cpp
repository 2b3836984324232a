// `bzpeer search`: one query from the command line, or a file of queries (one a line)
// answered as JSON lines, so whole query sets can be scored and timed.
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.hpp"
#include "search/searcher.hpp"

namespace bzpeer::cli {

namespace {

struct SearchOptions {
  std::string data = "./bzpeer-data";
  std::string query, batch;
  bool json = false;
  int limit = 10;
};

nlohmann::ordered_json results_json(const std::string& query, const search::WorkResults& results) {
  nlohmann::ordered_json hits = nlohmann::ordered_json::array();
  for (const auto& h : results.hits) hits.push_back({{"id", "W" + std::to_string(h.id)}, {"title", h.title}});
  nlohmann::ordered_json out = {{"query", query}, {"results", hits}};
  if (!results.corrected.empty()) out["did_you_mean"] = results.corrected;
  return out;
}

int run(const SearchOptions& o) {
  auto searcher = search::Searcher::open(o.data);
  if (!searcher) {
    std::fprintf(stderr, "bzpeer search: %s\n", searcher.error().message.c_str());
    return 1;
  }
  search::WorkQuery q;
  q.limit = static_cast<size_t>(o.limit);
  q.titles = true;  // printed with each id
  if (o.batch.empty()) {
    q.text = o.query;
    auto results = (*searcher)->works(q);
    if (!results) {
      std::fprintf(stderr, "bzpeer search: %s\n", results.error().message.c_str());
      return 2;
    }
    if (o.json) {
      std::printf("%s\n", results_json(o.query, *results).dump().c_str());
      return 0;
    }
    if (!results->corrected.empty()) std::printf("Did you mean: %s\n", results->corrected.c_str());
    std::printf("%zu%s works\n", results->total, results->total_exact ? "" : " (about)");
    for (const auto& h : results->hits) std::printf("W%lld  %.2f  %s\n", static_cast<long long>(h.id), h.score, h.title.c_str());
    return 0;
  }
  std::ifstream in(o.batch);
  if (!in) {
    std::fprintf(stderr, "bzpeer search: cannot read %s\n", o.batch.c_str());
    return 1;
  }
  std::string line;
  size_t line_number = 0, failed = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    q.text = line;
    auto results = (*searcher)->works(q);
    if (!results) {
      // The line still gets its JSON line, so outputs stay aligned with inputs.
      ++failed;
      std::fprintf(stderr, "%s:%zu: %s\n", o.batch.c_str(), line_number, results.error().message.c_str());
      std::printf("%s\n", nlohmann::ordered_json{{"query", line}, {"results", nlohmann::ordered_json::array()}, {"error", results.error().message}}
                              .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
      continue;
    }
    std::printf("%s\n", results_json(line, *results).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
  }
  return failed ? 2 : 0;
}

}  // namespace

void add_search_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("search", "Search works (a query, or --batch FILE with one query a line)");
  auto o = std::make_shared<SearchOptions>();
  cmd->add_option("--data", o->data, "Data directory")->capture_default_str();
  cmd->add_flag("--json", o->json, "Print the results as one JSON line");
  cmd->add_option("--limit", o->limit, "Results to show")->capture_default_str()->check(CLI::Range(1, 200));
  cmd->add_option("--batch", o->batch, "File of queries, one a line: prints one JSON line per query");
  cmd->add_option("query", o->query, "The query (free text, \"phrases\", AND/OR/NOT, author: title: venue: year:)");
  cmd->callback([o, &exit_code] {
    if (o->batch.empty() && o->query.empty()) {
      std::fprintf(stderr, "bzpeer search: give a QUERY or --batch FILE\n");
      exit_code = 1;
      return;
    }
    exit_code = run(*o);
  });
}

}  // namespace bzpeer::cli

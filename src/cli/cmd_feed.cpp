// `bzpeer feed eval`: the offline evaluation of the ranked feed against its baselines.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "feed/offline_eval.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

namespace {

struct FeedEvalArgs {
  std::string data = "./bzpeer-data";
  int year = 0;
  bool json = false;
};

int run_eval(const FeedEvalArgs& a) {
  auto catalog = store::open_catalog(a.data, /*read_only=*/true);
  if (!catalog) {
    std::fprintf(stderr, "bzpeer feed eval: %s\n", catalog.error().message.c_str());
    return 1;
  }
  feed::FeedEvalOptions options;
  options.year = a.year;
  auto report = feed::evaluate_feed(**catalog, options);
  if (!report) {
    std::fprintf(stderr, "bzpeer feed eval: %s\n", report.error().message.c_str());
    return 2;
  }
  std::printf("%s\n", a.json ? feed::report_json(*report).c_str() : feed::report_table(*report).c_str());
  return 0;
}

}  // namespace

void add_feed_commands(CLI::App& app, int& exit_code) {
  auto* feed = app.add_subcommand("feed", "The ranked paper feed");
  feed->require_subcommand(1);
  auto args = std::make_shared<FeedEvalArgs>();
  auto* eval = feed->add_subcommand(
      "eval", "Rank each researcher's works of YEAR from their earlier ones, beside recency, popularity and BM25");
  eval->add_option("--data", args->data, "Data directory of a built catalog")->capture_default_str();
  eval->add_option("--year", args->year, "The year whose works are ranked")->required();
  eval->add_flag("--json", args->json, "One JSON line instead of a table");
  eval->callback([args, &exit_code] { exit_code = run_eval(*args); });
}

}  // namespace bzpeer::cli

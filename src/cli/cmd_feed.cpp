// `bzpeer feed eval`: the offline evaluation of the ranked feed against its baselines.
#include <cstdio>
#include <string>

#include "accounts/accounts.hpp"
#include "accounts/smtp_mailer.hpp"
#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "feed/account_interests.hpp"
#include "feed/digest.hpp"
#include "feed/offline_eval.hpp"
#include "search/searcher.hpp"
#include "store/account_store.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

namespace {

struct FeedEvalArgs {
  StorePlace place;
  int year = 0;
  bool json = false;
};

int run_eval(const FeedEvalArgs& a) {
  auto catalog = store::open_catalog(a.place.catalog_location(), /*read_only=*/true);
  if (!catalog) {
    std::fprintf(stderr, "bzpeer feed eval: %s\n", catalog.error().message.c_str());
    return 1;
  }
  feed::FeedEvalOptions options;
  options.year = a.year;
  auto report = feed::evaluate_feed((*catalog)->index_source(), options);
  if (!report) {
    std::fprintf(stderr, "bzpeer feed eval: %s\n", report.error().message.c_str());
    return 2;
  }
  std::printf("%s\n", a.json ? feed::report_json(*report).c_str() : feed::report_table(*report).c_str());
  return 0;
}

struct DigestArgs {
  StorePlace place;
  std::string public_url = "http://127.0.0.1:8080";
  std::string smtp_url;
};

// Mails each account whose weekly digest is due its feed's best works of the week
// (through --smtp, else into the outbox). Safe to run as often as one likes: an account gets one a
// week; one without new works that week gets none.
int run_digest(const DigestArgs& a) {
  auto catalog = store::open_catalog(a.place.catalog_location(), /*read_only=*/true);
  auto searcher = search::Searcher::open(a.place.data);
  auto account_store = store::open_account_store(a.place.catalog_location());
  if (!catalog || !searcher || !account_store) {
    const Error& e = !catalog ? catalog.error() : !searcher ? searcher.error() : account_store.error();
    std::fprintf(stderr, "bzpeer feed digest: %s\n", e.message.c_str());
    return 1;
  }
  auto mailer = accounts::make_mailer(a.place.data, a.smtp_url);
  if (!mailer) {
    std::fprintf(stderr, "bzpeer feed digest: %s\n", mailer.error().message.c_str());
    return 1;
  }
  accounts::Accounts accounts(std::move(*account_store), std::move(*mailer), a.public_url);
  feed::FeedEngine engine;
  int sent = 0, empty = 0, failed = 0;
  for (const auto& account : accounts.digests_due()) {
    auto page = engine.feed(feed::interests_of(accounts, account.id), feed::digest_query(), **catalog, **searcher);
    if (!page || page->items.empty()) {
      ++empty;
      continue;
    }
    auto done = accounts.send_digest(account, "Your week on BZPEER: " + page->items.front().work.title,
                                     feed::digest_text(*page, account.display_name, a.public_url));
    if (done)
      ++sent;
    else {
      ++failed;
      std::fprintf(stderr, "bzpeer feed digest: account %lld: %s\n", static_cast<long long>(account.id.value()),
                   done.error().message.c_str());
    }
  }
  accounts.wait_for_mail();  // the digests (and any mail waiting in the outbox) go out now
  std::printf("feed digest: %d sent, %d without new works, %d failed\n", sent, empty, failed);
  return failed ? 1 : 0;
}

}  // namespace

void add_feed_commands(CLI::App& app, int& exit_code) {
  auto* feed = app.add_subcommand("feed", "The ranked paper feed");
  feed->require_subcommand(1);
  auto args = std::make_shared<FeedEvalArgs>();
  auto* eval = feed->add_subcommand(
      "eval", "Rank each researcher's works of YEAR from their earlier ones, beside recency, popularity and BM25");
  add_store_options(eval, args->place, "Data directory of a built catalog");
  eval->add_option("--year", args->year, "The year whose works are ranked")->required();
  eval->add_flag("--json", args->json, "One JSON line instead of a table");
  eval->callback([args, &exit_code] { exit_code = run_eval(*args); });

  auto digest_args = std::make_shared<DigestArgs>();
  auto* digest = feed->add_subcommand("digest", "Mail the weekly digest to the accounts it is due to (run it daily)");
  add_store_options(digest, digest_args->place);
  digest->add_option("--public-url", digest_args->public_url, "The address users reach, for links")->capture_default_str();
  digest->add_option("--smtp", digest_args->smtp_url, "Send through this SMTP server, as serve --smtp (default: DATA/outbox)");
  digest->callback([digest_args, &exit_code] { exit_code = run_digest(*digest_args); });
}

}  // namespace bzpeer::cli

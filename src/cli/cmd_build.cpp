// `bzpeer build`: identity, then profile enrichment, over the whole catalog.
#include <chrono>
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "core/memory.hpp"
#include "enrich/profile_pass.hpp"
#include "feed/work_terms_pass.hpp"
#include "identity/default_model.hpp"
#include "identity/disambiguator.hpp"
#include "identity/identity_pass.hpp"
#include "graph/graph_builder.hpp"
#include "search/index_builder.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

void add_build_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("build", "Derive researchers, their profiles and the search indexes from the catalog");
  auto place = std::make_shared<StorePlace>();
  auto name_only = std::make_shared<bool>(false);
  auto shards = std::make_shared<unsigned>(search::kDefaultWorkShards);
  add_store_options(cmd, *place, "Data directory");
  cmd->add_flag("--name-only", *name_only, "One researcher per full name (no disambiguation), for comparison");
  cmd->add_option("--search-shards", *shards,
                  "Shards of the works index (each can be served by xapian-tcpsrv); a change rebuilds the index")
      ->capture_default_str()
      ->check(CLI::Range(1u, search::kMaxWorkShards));
  cmd->callback([=, &exit_code] {
    auto catalog = store::open_catalog(place->catalog_location());
    if (!catalog) {
      std::fprintf(stderr, "bzpeer build: %s\n", catalog.error().message.c_str());
      exit_code = 1;
      return;
    }
    auto start = std::chrono::steady_clock::now();
    auto model = identity::default_model();
    if (!model) {
      std::fprintf(stderr, "bzpeer build: %s\n", model.error().message.c_str());
      exit_code = 1;
      return;
    }
    auto disambiguator = *name_only ? identity::make_name_key_disambiguator()
                                    : identity::make_model_disambiguator(std::move(*model));
    auto identity_stats = identity::run_identity((*catalog)->identity(), *disambiguator);
    if (!identity_stats) {
      std::fprintf(stderr, "bzpeer build: identity: %s\n", identity_stats.error().message.c_str());
      exit_code = 1;
      return;
    }
    double identity_seconds = seconds_since(start);
    std::printf("identity: %zu authorships -> %zu researchers (%zu kept their id, %zu old ids redirect, %zu corrections applied) in %.2fs (%s), peak %zu MiB so far\n",
                identity_stats->authorships, identity_stats->researchers, identity_stats->kept_ids,
                identity_stats->redirected, identity_stats->corrections, identity_seconds,
                identity_stats->phases.c_str(), peak_resident_mib());
    auto enrich_start = std::chrono::steady_clock::now();
    auto enrich_stats = enrich::run_enrich((*catalog)->profiles());
    if (!enrich_stats) {
      std::fprintf(stderr, "bzpeer build: enrich: %s\n", enrich_stats.error().message.c_str());
      exit_code = 1;
      return;
    }
    std::printf("enrich: %zu profiles over %zu works, %zu topics in %.2fs\n", enrich_stats->researchers,
                enrich_stats->works, enrich_stats->topics, seconds_since(enrich_start));
    auto revision = (*catalog)->index_source().works_revision();
    auto terms_stats = revision ? feed::update_work_terms((*catalog)->features(), *revision)
                                : Result<feed::WorkTermsStats>(revision.error());
    if (!terms_stats) {
      std::fprintf(stderr, "bzpeer build: feed terms: %s\n", terms_stats.error().message.c_str());
      exit_code = 1;
      return;
    }
    std::printf("feed: terms of %llu works counted in %.2fs\n", static_cast<unsigned long long>(terms_stats->works),
                terms_stats->seconds);
    auto index_stats = search::build_search_index((*catalog)->index_source(), place->data, search::ShardLayout{*shards});
    if (!index_stats) {
      std::fprintf(stderr, "bzpeer build: search index: %s\n", index_stats.error().message.c_str());
      exit_code = 1;
      return;
    }
    std::printf("search: %llu works indexed (%s) in %.2fs over %u shards (champion lists %.2fs); %llu researchers and %llu topics in %.2fs; index %.1f MiB\n",
                static_cast<unsigned long long>(index_stats->works_indexed),
                index_stats->works_rebuilt ? "full rebuild" : "changed since last build", index_stats->works_seconds,
                *shards, index_stats->champions_seconds,
                static_cast<unsigned long long>(index_stats->researchers),
                static_cast<unsigned long long>(index_stats->topics), index_stats->people_seconds,
                static_cast<double>(index_stats->bytes) / (1024.0 * 1024.0));
    auto graph_stats = graph::build_graph((*catalog)->index_source(), place->data + "/graph.bin");
    if (!graph_stats) {
      std::fprintf(stderr, "bzpeer build: graph: %s\n", graph_stats.error().message.c_str());
      exit_code = 1;
      return;
    }
    std::printf("graph: %llu nodes, %llu edges, %.1f MiB (%.1f bytes per edge) in %.2fs\n",
                static_cast<unsigned long long>(graph_stats->nodes), static_cast<unsigned long long>(graph_stats->edges),
                static_cast<double>(graph_stats->bytes) / (1024.0 * 1024.0),
                graph_stats->edges ? static_cast<double>(graph_stats->bytes) / static_cast<double>(graph_stats->edges) : 0.0,
                graph_stats->seconds);
    std::printf("build: done in %.2fs\n", seconds_since(start));
  });
}

}  // namespace bzpeer::cli

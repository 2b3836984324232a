// `bzpeer build`: identity, then profile enrichment, over the whole catalog.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "core/memory.hpp"
#include "core/parallel.hpp"
#include "enrich/partitioned_enrich.hpp"
#include "enrich/profile_pass.hpp"
#include "feed/partitioned_terms.hpp"
#include "feed/work_terms_pass.hpp"
#include "identity/default_model.hpp"
#include "identity/disambiguator.hpp"
#include "identity/identity_pass.hpp"
#include "identity/partitioned_identity.hpp"
#include "graph/graph_builder.hpp"
#include "search/index_builder.hpp"
#include "store/build_queue.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
Result<identity::IdentityStats> single_process_identity(store::IdentityStore& store, identity::PairModel model,
                                                        bool name_only) {
  auto disambiguator = name_only ? identity::make_name_key_disambiguator()
                                 : identity::make_model_disambiguator(std::move(model));
  return identity::run_identity(store, *disambiguator);
}

// A partitioned build's queue and run, from identity through profiles.
struct PartitionedRun {
  std::unique_ptr<store::BuildQueue> queue;
  store::IdentityRun run;
};

// Plans the run, works on it beside any `--worker` processes, and saves the researchers;
// the run stays open in `out` for the profiles.
Result<identity::IdentityStats> partitioned_identity(store::IdentityStore& store, const std::string& location,
                                                     const identity::PairModel& model, int partitions,
                                                     PartitionedRun& out) {
  auto queue = store::open_build_queue(location);
  if (!queue) return queue.error();
  out.queue = std::move(*queue);
  auto run = identity::plan_identity_run(store, *out.queue, partitions);
  if (!run) return run.error();
  out.run = *run;
  std::printf("identity: %d partitions queued (run %lld); `bzpeer build --worker` processes may join\n", partitions,
              static_cast<long long>(run->id));
  std::fflush(stdout);
  return identity::finish_identity_run(store, *out.queue, *run, model, identity::worker_name());
}

// Waits up to `wait_seconds` for a partitioned build to open, then clusters partitions
// of it until none is free.
Status work_as_worker(const std::string& location, const identity::PairModel& model, int wait_seconds) {
  auto queue = store::open_build_queue(location);
  if (!queue) return queue.error();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(wait_seconds);
  auto before = (*queue)->newest_run_id();
  if (!before) return before.error();
  // Scripts wait for this line before they start the coordinator (scripts/cluster_parts.sh).
  std::printf("worker: waiting up to %d s for a partitioned build\n", wait_seconds);
  std::fflush(stdout);
  for (;;) {
    auto run = (*queue)->open_run();
    if (!run) return run.error();
    if (*run) {
      auto start = std::chrono::steady_clock::now();
      auto done = identity::work_on_identity_run(**queue, **run, model, identity::worker_name());
      if (!done) return done.error();
      std::printf("worker: %zu of %d partitions of run %lld (works and blocks) in %.2fs\n", *done,
                  (*run)->partitions + (*run)->work_partitions, static_cast<long long>((*run)->id), seconds_since(start));
      std::fflush(stdout);
      // Then the profiles, once the coordinator has saved the researchers.
      auto catalog = store::open_catalog(location);
      if (!catalog) return catalog.error();
      start = std::chrono::steady_clock::now();
      auto profiles = enrich::work_on_profiles((*catalog)->profiles(), **queue, **run, identity::worker_name(), wait_seconds);
      if (!profiles) return profiles.error();
      std::printf("worker: %zu of %d profiles partitions of run %lld in %.2fs\n", *profiles, (*run)->partitions,
                  static_cast<long long>((*run)->id), seconds_since(start));
      std::fflush(stdout);
      // Then the feed's terms, once the coordinator has listed the topics.
      start = std::chrono::steady_clock::now();
      auto terms = feed::work_on_terms((*catalog)->features(), **queue, **run, identity::worker_name(), wait_seconds);
      if (!terms) return terms.error();
      std::printf("worker: %zu of %d terms partitions of run %lld in %.2fs\n", *terms, (*run)->partitions,
                  static_cast<long long>((*run)->id), seconds_since(start));
      return Ok{};
    }
    // A run that started and finished while this worker looked the other way.
    auto newest = (*queue)->newest_run_id();
    if (!newest) return newest.error();
    if (*newest > *before) {
      std::printf("worker: run %lld was done before this worker joined\n", static_cast<long long>(*newest));
      return Ok{};
    }
    if (std::chrono::steady_clock::now() >= deadline)
      return make_error(ErrorCode::not_found, "no partitioned build started within " + std::to_string(wait_seconds) + " s");
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace

void add_build_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("build", "Derive researchers, their profiles and the search indexes from the catalog");
  auto place = std::make_shared<StorePlace>();
  auto name_only = std::make_shared<bool>(false);
  auto shards = std::make_shared<unsigned>(search::kDefaultWorkShards);
  add_store_options(cmd, *place, "Data directory");
  auto* name_only_flag =
      cmd->add_flag("--name-only", *name_only, "One researcher per full name (no disambiguation), for comparison");
  cmd->add_option("--search-shards", *shards,
                  "Shards of the works index (each can be served by xapian-tcpsrv); a change rebuilds the index")
      ->capture_default_str()
      ->check(CLI::Range(1u, search::kMaxWorkShards));
  auto partitions = std::make_shared<int>(0);
  auto worker = std::make_shared<bool>(false);
  auto wait_seconds = std::make_shared<int>(60);
  auto* partitions_option = cmd->add_option("--partitions", *partitions,
                  "Split identity into N partitions of name blocks, then the profiles into N groups of researchers, that "
                  "`build --worker` processes (on any machine) take from a queue in the PostgreSQL catalog; this process "
                  "works too, then finishes the build")
      ->check(CLI::Range(1, 4096));
  auto* worker_flag = cmd->add_flag("--worker", *worker,
                "Only work on partitions of the open partitioned build (see --partitions): identity, then profiles; then exit");
  // Partitions and workers cluster with the model; one record a name needs no partitions.
  name_only_flag->excludes(partitions_option)->excludes(worker_flag);
  cmd->add_option("--wait", *wait_seconds, "With --worker: seconds to wait for a partitioned build to start, and for its profiles")
      ->capture_default_str();
  auto threads = std::make_shared<unsigned>(0);
  cmd->add_option("--threads", *threads, "Threads for the parallel parts (default: every core, at most 8)")
      ->check(CLI::Range(1u, 256u));
  auto search_only = std::make_shared<bool>(false);
  cmd->add_flag("--search-only", *search_only,
                "Rewrite only the search indexes from the catalog as it stands (after damage, or for measuring them)");
  auto stop_after = std::make_shared<std::string>();
  cmd->add_option("--stop-after", *stop_after,
                  "Stop after identity, or after enrich (the profiles), leaving what follows as it was (for measuring them)")
      ->check(CLI::IsMember({"identity", "enrich"}));
  cmd->callback([=, &exit_code] {
    auto fail = [&](const std::string& what, const Error& error) {
      std::fprintf(stderr, "bzpeer build: %s%s\n", what.c_str(), error.message.c_str());
      exit_code = 1;
    };
    if (*threads) set_parallel_threads(*threads);
    auto model = identity::default_model();
    if (!model) return fail("", model.error());
    if (*worker) {
      if (auto worked = work_as_worker(place->catalog_location(), *model, *wait_seconds); !worked) fail("worker: ", worked.error());
      return;
    }
    auto catalog = store::open_catalog(place->catalog_location());
    if (!catalog) return fail("", catalog.error());
    auto start = std::chrono::steady_clock::now();
    StagePeak stage_peak;  // each stage's line ends with its own peak
    // The search indexes, with their line of figures; false when they failed.
    auto search_stage = [&] {
      auto index_stats = search::build_search_index((*catalog)->index_source(), place->data, search::ShardLayout{*shards});
      if (!index_stats) {
        fail("search index: ", index_stats.error());
        return false;
      }
      std::printf("search: %llu works indexed (%s) in %.2fs over %u shards (champion lists %.2fs); %llu researchers and %llu topics in %.2fs; index %.1f MiB, peak %zu MiB\n",
                  static_cast<unsigned long long>(index_stats->works_indexed),
                  index_stats->works_rebuilt ? "full rebuild" : "changed since last build", index_stats->works_seconds,
                  *shards, index_stats->champions_seconds,
                  static_cast<unsigned long long>(index_stats->researchers),
                  static_cast<unsigned long long>(index_stats->topics), index_stats->people_seconds,
                  static_cast<double>(index_stats->bytes) / (1024.0 * 1024.0), stage_peak.end_stage());
      return true;
    };
    if (*search_only) {
      search_stage();
      return;
    }
    PartitionedRun partitioned;  // its queue is null in one process
    // A partitioned run stays open from identity to the feed's terms: closed where the build stops.
    auto close_run = [&] {
      if (!partitioned.queue) return true;
      if (auto closed = partitioned.queue->close_run(partitioned.run.id); !closed) {
        fail("build: ", closed.error());
        return false;
      }
      return true;
    };
    Result<identity::IdentityStats> identity_stats =
        *partitions > 0 ? partitioned_identity((*catalog)->identity(), place->catalog_location(), *model, *partitions, partitioned)
                        : single_process_identity((*catalog)->identity(), std::move(*model), *name_only);
    if (!identity_stats) return fail("identity: ", identity_stats.error());
    double identity_seconds = seconds_since(start);
    std::printf("identity: %zu authorships -> %zu researchers (%zu kept their id, %zu old ids redirect, %zu corrections applied) in %.2fs (%s), peak %zu MiB\n",
                identity_stats->authorships, identity_stats->researchers, identity_stats->kept_ids,
                identity_stats->redirected, identity_stats->corrections, identity_seconds,
                identity_stats->phases.c_str(), stage_peak.end_stage());
    if (*stop_after == "identity") {
      close_run();
      return;
    }
    auto enrich_start = std::chrono::steady_clock::now();
    auto enrich_stats = partitioned.queue ? enrich::finish_profiles_run((*catalog)->profiles(), *partitioned.queue,
                                                                        partitioned.run, identity::worker_name())
                                          : enrich::run_enrich((*catalog)->profiles());
    if (!enrich_stats) return fail("enrich: ", enrich_stats.error());
    std::printf("enrich: %zu profiles over %zu works, %zu topics in %.2fs (%s), peak %zu MiB\n", enrich_stats->researchers,
                enrich_stats->works, enrich_stats->topics, seconds_since(enrich_start), enrich_stats->phases.c_str(),
                stage_peak.end_stage());
    if (*stop_after == "enrich") {
      close_run();
      return;
    }
    auto revision = (*catalog)->index_source().works_revision();
    auto terms_stats = !revision ? Result<feed::WorkTermsStats>(revision.error())
                       : partitioned.queue ? feed::finish_terms_run((*catalog)->features(), *partitioned.queue, partitioned.run,
                                                                    identity::worker_name(), *revision)
                                           : feed::update_work_terms((*catalog)->features(), *revision);
    if (!terms_stats) return fail("feed terms: ", terms_stats.error());
    if (!close_run()) return;
    std::printf("feed: terms of %llu works counted in %.2fs, peak %zu MiB\n",
                static_cast<unsigned long long>(terms_stats->works), terms_stats->seconds, stage_peak.end_stage());
    if (!search_stage()) return;
    auto graph_stats = graph::build_graph((*catalog)->index_source(), place->data + "/graph.bin");
    if (!graph_stats) return fail("graph: ", graph_stats.error());
    std::printf("graph: %llu nodes, %llu edges, %.1f MiB (%.1f bytes per edge) in %.2fs, peak %zu MiB\n",
                static_cast<unsigned long long>(graph_stats->nodes), static_cast<unsigned long long>(graph_stats->edges),
                static_cast<double>(graph_stats->bytes) / (1024.0 * 1024.0),
                graph_stats->edges ? static_cast<double>(graph_stats->bytes) / static_cast<double>(graph_stats->edges) : 0.0,
                graph_stats->seconds, stage_peak.end_stage());
    std::printf("build: done in %.2fs, peak %zu MiB\n", seconds_since(start), stage_peak.highest_mib());
  });
}

}  // namespace bzpeer::cli

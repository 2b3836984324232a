#include "identity/partitioned_identity.hpp"

#include <unistd.h>

#include <chrono>
#include <thread>
#include <unordered_map>

#include "core/phase_clock.hpp"
#include "core/text.hpp"
#include "identity/attribution.hpp"
#include "identity/block_clustering.hpp"
#include "identity/evidence.hpp"
#include "identity/name_counts.hpp"
#include "identity/name_parts.hpp"

namespace bzpeer::identity {

namespace {

// Clusters are numbered within their partition; the run numbers them apart this way.
std::int64_t run_cluster(int partition, size_t local) { return (static_cast<std::int64_t>(partition) << 32) | static_cast<std::int64_t>(local); }

NameCounts name_counts_of(const store::IdentityRunPlan& plan) {
  NameCounts counts;
  for (const auto& n : plan.names) (n.family ? counts.family : counts.given)[n.name] = n.people;
  return counts;
}

// One partition: its evidence weighed by the corpus's counts, clustered and explained
// as run_identity would (the same signatures in the same order, the same model).
Result<std::vector<store::PartitionResult>> cluster_partition(store::BuildQueue& queue, std::int64_t run, int partition,
                                                              const store::IdentityRunPlan& stats,
                                                              const PairModel& reference, const PairModel& for_corpus) {
  std::vector<store::AuthorshipRow> rows;
  std::unordered_map<std::int64_t, size_t> row_of;
  if (auto read = queue.partition_authorships(run, partition, [&](store::AuthorshipRow&& r) {
        row_of.emplace(r.id.value(), rows.size());
        rows.push_back(std::move(r));
      });
      !read)
    return read.error();
  EvidenceBuilder builder;
  builder.set_document_frequencies(stats.documents, stats.term_df);
  std::vector<size_t> signature_rows;  // the row of each signature, in the set's order
  if (auto read = queue.partition_works(run, partition, [&](store::PartitionWork&& pw) {
        const auto& w = pw.work;
        RawWork raw{w.title, w.abstract, w.venue, w.categories, w.year, {}, w.external_id, w.cited};
        std::vector<size_t> positions;
        for (const auto& a : pw.authors) {
          auto mine = row_of.find(a.authorship_id);
          if (mine == row_of.end()) {
            raw.authors.push_back({a.first, a.last, a.raw_name, "", "", "", ""});
            continue;
          }
          const auto& r = rows[mine->second];
          positions.push_back(raw.authors.size());
          signature_rows.push_back(mine->second);
          raw.authors.push_back({r.first, r.last, r.raw_name, r.affiliation, r.email, r.orcid, r.source_person_id});
        }
        if (!positions.empty()) builder.add_work(raw, positions);
      });
      !read)
    return read.error();
  EvidenceSet set = builder.take();
  if (set.signatures.size() != rows.size())
    return make_error(ErrorCode::internal, "identity: partition " + std::to_string(partition) + " has evidence for " +
                                               std::to_string(set.signatures.size()) + " of " + std::to_string(rows.size()) +
                                               " authorships");
  auto clusters = cluster_blocks(set, for_corpus);
  auto explanations = explain_attributions(set, clusters, reference);
  std::vector<store::PartitionResult> results;
  results.reserve(rows.size());
  for (size_t c = 0; c < clusters.size(); ++c)
    for (size_t s : clusters[c])
      results.push_back({rows[signature_rows[s]].id.value(), run_cluster(partition, c),
                         s < explanations.size() ? explanations[s] : store::Attribution{}});
  return results;
}

}  // namespace

int partition_of(const std::string& block, int partitions) {
  return static_cast<int>(text::stable_hash(block) % static_cast<unsigned long long>(std::max(1, partitions)));
}

std::string worker_name() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid());
}

Result<store::IdentityRun> plan_identity_run(store::IdentityStore& store, store::BuildQueue& queue, int partitions) {
  std::vector<store::AuthorshipRow> rows;
  if (auto loaded = load_constrained_rows(store, rows); !loaded) return loaded.error();
  EvidenceBuilder counter;
  if (auto read = store.for_each_work([&](store::WorkRow&& w) { counter.count_text(w.title, w.abstract); }); !read)
    return read.error();
  store::IdentityRunPlan plan;
  plan.partitions = partitions;
  plan.documents = counter.documents();
  plan.term_df = counter.document_frequencies();
  NameCounts names = count_names(rows);
  for (const auto& [name, people] : names.given) plan.names.push_back({false, name, people});
  for (const auto& [name, people] : names.family) plan.names.push_back({true, name, people});
  plan.authorships.reserve(rows.size());
  for (const auto& r : rows)
    plan.authorships.push_back(
        {r.id.value(), partition_of(block_key(parse_name(r.first, r.last, r.raw_name)), partitions), r.source_person_id});
  return queue.create_run(plan);
}

Result<size_t> work_on_identity_run(store::BuildQueue& queue, const store::IdentityRun& run, const PairModel& model,
                                    const std::string& worker) {
  auto stats = queue.run_statistics(run.id);
  if (!stats) return stats.error();
  PairModel for_corpus = model;
  for_corpus.name_counts = with_corpus_counts(model.name_counts, name_counts_of(*stats));
  size_t done = 0;
  for (;;) {
    auto taken = queue.take_partition(run.id, worker);
    if (!taken) return taken.error();
    if (!*taken) return done;
    auto results = cluster_partition(queue, run.id, **taken, *stats, model, for_corpus);
    if (!results) {
      queue.release_partition();
      return results.error();
    }
    if (auto saved = queue.finish_partition(run.id, **taken, *results); !saved) return saved.error();
    ++done;
  }
}

Result<IdentityStats> finish_identity_run(store::IdentityStore& store, store::BuildQueue& queue,
                                          const store::IdentityRun& run, const PairModel& model,
                                          const std::string& worker) {
  PhaseClock clock;
  for (;;) {
    if (auto worked = work_on_identity_run(queue, run, model, worker); !worked) return worked.error();
    auto left = queue.partitions_left(run.id);
    if (!left) return left.error();
    if (*left == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // held by another worker
  }
  clock.mark("partitions");
  std::vector<store::AuthorshipRow> rows;
  auto constraints = load_constrained_rows(store, rows);
  if (!constraints) return constraints.error();
  std::unordered_map<std::int64_t, size_t> row_of;
  row_of.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) row_of.emplace(rows[i].id.value(), i);
  std::unordered_map<std::int64_t, size_t> cluster_index;
  std::vector<std::vector<size_t>> clusters;
  std::vector<store::Attribution> explanations(rows.size());
  size_t results = 0;
  if (auto read = queue.for_each_result(run.id, [&](store::PartitionResult&& r) {
        auto row = row_of.find(r.authorship_id);
        if (row == row_of.end()) return;  // gone since the plan: counted below
        auto [it, added] = cluster_index.try_emplace(r.cluster, clusters.size());
        if (added) clusters.emplace_back();
        clusters[it->second].push_back(row->second);
        explanations[row->second] = std::move(r.attribution);
        ++results;
      });
      !read)
    return read.error();
  if (results != rows.size())
    return make_error(ErrorCode::conflict, "identity: the catalog changed during the partitioned build (" +
                                               std::to_string(results) + " of " + std::to_string(rows.size()) +
                                               " authorships clustered); build again");
  clock.mark("gather");
  IdentityStats stats;
  stats.corrections = *constraints;
  if (auto saved = save_clusters(store, rows, std::move(clusters), explanations, stats); !saved) return saved.error();
  if (auto closed = queue.close_run(run.id); !closed) return closed.error();
  clock.mark("save");
  stats.phases = clock.text();
  return stats;
}

}  // namespace bzpeer::identity

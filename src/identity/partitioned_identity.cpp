#include "identity/partitioned_identity.hpp"

#include <unistd.h>

#include <algorithm>
#include <unordered_map>

#include "core/phase_clock.hpp"
#include "core/text.hpp"
#include "identity/attribution.hpp"
#include "identity/block_clustering.hpp"
#include "identity/evidence.hpp"
#include "identity/evidence_codec.hpp"
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

// A works partition: each work's text weighed by the corpus's counts, once, for every
// block partition that has one of its authors to read.
Result<std::vector<std::pair<std::int64_t, std::string>>> weigh_works(store::BuildQueue& queue, std::int64_t run,
                                                                       int partition, EvidenceBuilder& builder) {
  std::vector<std::pair<std::int64_t, std::string>> out;
  if (auto read = queue.range_works(run, partition, [&](store::PartitionWork&& pw) {
        const auto& w = pw.work;
        RawWork raw{w.title, w.abstract, w.venue, w.categories, w.year, {}, w.external_id, w.cited};
        for (const auto& a : pw.authors) raw.authors.push_back({a.first, a.last, a.raw_name, "", "", "", ""});
        if (!raw.authors.empty()) out.emplace_back(w.id, encode_work_evidence(builder.weigh_work(raw)));
      });
      !read)
    return read.error();
  return out;
}

// A blocks partition: its signatures on their works' evidence, clustered and explained
// as run_identity would (the same signatures in the same order, the same model).
Result<std::vector<store::PartitionResult>> cluster_partition(store::BuildQueue& queue, std::int64_t run, int partition,
                                                              const PairModel& reference, const PairModel& for_corpus) {
  std::vector<store::AuthorshipRow> rows;
  if (auto read = queue.partition_authorships(run, partition, [&](store::AuthorshipRow&& r) { rows.push_back(std::move(r)); });
      !read)
    return read.error();
  EvidenceBuilder builder;
  size_t next_row = 0;  // rows are ordered by work, as the evidence is
  Status broken = Ok{};
  if (auto read = queue.partition_evidence(run, partition, [&](std::int64_t work, std::string&& bytes) {
        auto evidence = decode_work_evidence(bytes);
        if (!evidence) {
          broken = make_error(ErrorCode::internal, "identity: unreadable evidence of work " + std::to_string(work));
          return;
        }
        RawWork raw;
        for (; next_row < rows.size() && rows[next_row].work_id == work; ++next_row) {
          const auto& r = rows[next_row];
          raw.authors.push_back({r.first, r.last, r.raw_name, r.affiliation, r.email, r.orcid, r.source_person_id});
        }
        if (!raw.authors.empty()) builder.add_weighed_work(std::move(*evidence), raw);
      });
      !read)
    return read.error();
  if (!broken) return broken.error();
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
      results.push_back({rows[s].id.value(), run_cluster(partition, c), s < explanations.size() ? explanations[s] : store::Attribution{}});
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
  std::vector<std::int64_t> work_ids;
  if (auto read = store.for_each_work([&](store::WorkRow&& w) {
        counter.count_text(w.title, w.abstract);
        work_ids.push_back(w.id);
      });
      !read)
    return read.error();
  store::IdentityRunPlan plan;
  plan.partitions = partitions;
  // As many ranges of works as partitions of blocks, of as many works each.
  const size_t ranges = std::min(work_ids.size(), static_cast<size_t>(partitions));
  for (size_t r = 0; r < ranges; ++r)
    plan.work_ranges.emplace_back(work_ids[r * work_ids.size() / ranges], work_ids[(r + 1) * work_ids.size() / ranges - 1]);
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

namespace {

// The works partitions, then the block partitions: those free (a worker), or all of
// them, waiting for those others hold (the coordinator, `wait_for_blocks`).
Result<size_t> work_on_run(store::BuildQueue& queue, const store::IdentityRun& run, const PairModel& model,
                           const std::string& worker, bool wait_for_blocks) {
  auto stats = queue.run_statistics(run.id);
  if (!stats) return stats.error();
  EvidenceBuilder weigher;
  weigher.set_document_frequencies(stats->documents, stats->term_df);
  // Every work is weighed before any block is clustered (a block's works are anywhere).
  auto weighed = store::take_partitions(queue, run.id, store::PartitionKind::works, worker, /*wait=*/true, [&](int part) -> Status {
    auto evidence = weigh_works(queue, run.id, part, weigher);
    if (!evidence) return evidence.error();
    return queue.finish_works_partition(run.id, part, *evidence);
  });
  if (!weighed) return weighed.error();
  PairModel for_corpus = model;
  for_corpus.name_counts = with_corpus_counts(model.name_counts, name_counts_of(*stats));
  auto clustered = store::take_partitions(queue, run.id, store::PartitionKind::blocks, worker, wait_for_blocks, [&](int part) -> Status {
    auto results = cluster_partition(queue, run.id, part, model, for_corpus);
    if (!results) return results.error();
    return queue.finish_blocks_partition(run.id, part, *results);
  });
  if (!clustered) return clustered.error();
  return *weighed + *clustered;
}

}  // namespace

Result<size_t> work_on_identity_run(store::BuildQueue& queue, const store::IdentityRun& run, const PairModel& model,
                                    const std::string& worker) {
  return work_on_run(queue, run, model, worker, /*wait_for_blocks=*/false);
}

Result<IdentityStats> finish_identity_run(store::IdentityStore& store, store::BuildQueue& queue,
                                          const store::IdentityRun& run, const PairModel& model,
                                          const std::string& worker) {
  PhaseClock clock;
  if (auto worked = work_on_run(queue, run, model, worker, /*wait_for_blocks=*/true); !worked) return worked.error();
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
  clock.mark("save");
  stats.phases = clock.text();
  return stats;
}

}  // namespace bzpeer::identity

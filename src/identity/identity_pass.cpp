#include "identity/identity_pass.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/parallel.hpp"
#include "core/phase_clock.hpp"

#include "identity/claim_constraints.hpp"
#include "identity/evidence.hpp"
#include "identity/stable_ids.hpp"

namespace bzpeer::identity {

namespace {

// The name most often printed for the cluster; the fuller form wins a tie.
std::string display_name(const std::vector<store::AuthorshipRow>& rows, const std::vector<size_t>& members) {
  std::map<std::string, size_t> counts;
  for (size_t i : members) ++counts[rows[i].raw_name];
  std::string best;
  size_t best_count = 0;
  for (const auto& [name, count] : counts)
    if (count > best_count || (count == best_count && name.size() > best.size())) {
      best = name;
      best_count = count;
    }
  return best;
}


// Evidence for every authorship, in the order of `rows` (both ordered by work). Two
// readings of the works, each stemming batches of them on every core: one counts the
// stems' document frequencies, the next weighs each work by them.
Result<EvidenceSet> load_evidence(store::IdentityStore& store, const std::vector<store::AuthorshipRow>& rows) {
  constexpr size_t kBatch = 2048;
  EvidenceBuilder builder;
  ParallelBatches<store::WorkRow, std::vector<std::uint64_t>> counting(
      kBatch, [](const store::WorkRow& w) { return EvidenceBuilder::distinct_stems(w.title, w.abstract); },
      [&](store::WorkRow&, std::vector<std::uint64_t>& stems) { builder.count_stems(stems); });
  if (auto read = store.for_each_work([&](store::WorkRow&& w) { counting.add(std::move(w)); }); !read)
    return read.error();
  counting.flush();
  builder.prepare_weighing();
  ParallelBatches<RawWork, WorkEvidence> weighing(
      kBatch, [&](const RawWork& raw) { return builder.weigh_counted_work(raw); },
      [&](RawWork& raw, WorkEvidence& evidence) { builder.add_weighed_work(std::move(evidence), raw); });
  size_t next_row = 0;
  auto read = store.for_each_work([&](store::WorkRow&& w) {
    RawWork raw{std::move(w.title), std::move(w.abstract), std::move(w.venue), std::move(w.categories), w.year, {},
                std::move(w.external_id), std::move(w.cited)};
    for (; next_row < rows.size() && rows[next_row].work_id == w.id; ++next_row) {
      const auto& r = rows[next_row];
      raw.authors.push_back({r.first, r.last, r.raw_name, r.affiliation, r.email, r.orcid, r.source_person_id});
    }
    if (!raw.authors.empty()) weighing.add(std::move(raw));
  });
  if (!read) return read.error();
  weighing.flush();
  return builder.take();
}

}  // namespace

Result<size_t> load_constrained_rows(store::IdentityStore& store, std::vector<store::AuthorshipRow>& rows) {
  if (auto read = store.for_each_authorship([&](store::AuthorshipRow&& row) { rows.push_back(std::move(row)); }); !read)
    return read.error();
  // Claimed researchers' corrections outrank every other clue.
  auto corrections = store.work_corrections();
  if (!corrections) return corrections.error();
  return apply_claim_constraints(rows, *corrections);
}

Status save_clusters(store::IdentityStore& store, const std::vector<store::AuthorshipRow>& rows,
                     std::vector<std::vector<size_t>> clusters, const std::vector<store::Attribution>& explanations,
                     IdentityStats& stats) {
  // One order for the same clusters however they were found (one process or many):
  // new researchers are numbered in it.
  for (auto& c : clusters) std::sort(c.begin(), c.end());
  std::erase_if(clusters, [](const auto& c) { return c.empty(); });
  std::sort(clusters.begin(), clusters.end(), [](const auto& a, const auto& b) { return a.front() < b.front(); });
  auto ids = assign_stable_ids(rows, clusters);
  stats.authorships = rows.size();
  stats.researchers = clusters.size();
  std::unordered_set<model::ResearcherId> previous;
  for (const auto& row : rows)
    if (row.previous_researcher) previous.insert(row.previous_researcher);

  store::ResearcherAssignment assignment;
  assignment.researchers.reserve(clusters.size());
  assignment.authorship_to_researcher.reserve(rows.size());
  for (size_t c = 0; c < clusters.size(); ++c) {
    if (previous.count(ids[c])) ++stats.kept_ids;
    assignment.researchers.push_back({ids[c], display_name(rows, clusters[c]), name_key(rows[clusters[c].front()])});
    for (size_t i : clusters[c]) {
      assignment.authorship_to_researcher.emplace_back(rows[i].id, ids[c]);
      assignment.attributions.push_back(i < explanations.size() ? explanations[i]
                                                                : store::Attribution{"Grouped by the full name as printed.", std::nullopt});
    }
  }
  assignment.redirects = merged_ids(rows, clusters, ids);
  stats.redirected = assignment.redirects.size();
  return store.save_assignment(assignment);
}

Result<IdentityStats> run_identity(store::IdentityStore& store, Disambiguator& disambiguator) {
  PhaseClock clock;
  std::vector<store::AuthorshipRow> rows;
  auto constraints = load_constrained_rows(store, rows);
  if (!constraints) return constraints.error();
  clock.mark("load");
  EvidenceSet evidence;
  if (disambiguator.needs_evidence()) {
    auto loaded = load_evidence(store, rows);
    if (!loaded) return loaded.error();
    evidence = std::move(*loaded);
    if (evidence.signatures.size() != rows.size())
      return make_error(ErrorCode::internal, "identity: evidence for " + std::to_string(evidence.signatures.size()) +
                                                 " of " + std::to_string(rows.size()) + " authorships");
  }
  clock.mark("evidence");
  auto clusters = disambiguator.cluster(rows, evidence);
  clock.mark("clustering");
  auto explanations = disambiguator.explain(evidence, clusters);
  clock.mark("explanations");
  IdentityStats stats;
  stats.corrections = *constraints;
  if (auto saved = save_clusters(store, rows, std::move(clusters), explanations, stats); !saved) return saved.error();
  clock.mark("save");
  stats.phases = clock.text();
  return stats;
}

}  // namespace bzpeer::identity

#include "feed/partitioned_terms.hpp"

#include <algorithm>
#include <chrono>
#include <utility>
#include <vector>

namespace bzpeer::feed {

namespace {

// Takes terms partitions (`wait`: until every one is done, as the coordinator must),
// counting the works of `changed` (those changed since the stored revision) in each.
Result<size_t> count_partitions(store::WorkFeatureStore& store, store::BuildQueue& queue, const store::IdentityRun& run,
                                const std::string& worker, bool wait, const std::vector<std::int64_t>& changed) {
  const int partitions = std::max(1, run.partitions);
  return store::take_partitions(queue, run.id, store::PartitionKind::terms, worker, wait, [&](int part) -> Status {
    std::vector<std::int64_t> ids;
    for (std::int64_t id : changed)
      if (id % partitions == part) ids.push_back(id);
    if (!ids.empty())
      if (auto counted = save_terms_of(store, ids, std::nullopt); !counted) return counted.error();
    return queue.finish_terms_partition(run.id, part);
  });
}

// The works changed since the terms were last brought up to date, and that revision.
Result<std::pair<std::int64_t, std::vector<std::int64_t>>> changed_works(store::WorkFeatureStore& store) {
  auto since = store.terms_revision();
  if (!since) return since.error();
  auto changed = store.works_changed_since(*since);
  if (!changed) return changed.error();
  return std::make_pair(*since, std::move(*changed));
}

}  // namespace

Result<size_t> work_on_terms(store::WorkFeatureStore& store, store::BuildQueue& queue, const store::IdentityRun& run,
                             const std::string& worker, int wait_seconds) {
  auto reached = store::wait_for_stage(queue, run.id, store::RunStage::terms, wait_seconds, "feed terms");
  if (!reached) return reached.error();
  if (!*reached) return size_t{0};  // the run closed meanwhile
  auto changed = changed_works(store);
  if (!changed) return changed.error();
  return count_partitions(store, queue, run, worker, /*wait=*/false, changed->second);
}

Result<WorkTermsStats> finish_terms_run(store::WorkFeatureStore& store, store::BuildQueue& queue,
                                        const store::IdentityRun& run, const std::string& worker,
                                        std::int64_t works_revision) {
  const auto start = std::chrono::steady_clock::now();
  WorkTermsStats stats;
  auto changed = changed_works(store);
  if (!changed) return changed.error();
  const auto& [since, ids] = *changed;
  if (auto opened = queue.open_terms(run.id); !opened) return opened.error();
  if (auto made = count_partitions(store, queue, run, worker, /*wait=*/true, ids); !made) return made.error();
  // Every partition is counted: the revision, as one process records it with its last batch.
  if (since < works_revision)
    if (auto saved = store.save_terms({}, works_revision); !saved) return saved.error();
  stats.works = ids.size();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace bzpeer::feed

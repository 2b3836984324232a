#pragma once
// The feed's terms in a partitioned build (store/build_queue.hpp): once the profiles are
// made, every process counts the terms of the works changed since the last count whose
// id falls in the partitions it takes (work id modulo the run's partitions), saving them
// in the catalog as it goes (a partition redone after a killed worker writes the same
// rows again); the coordinator then records the works revision they are counted up to.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "feed/work_terms_pass.hpp"
#include "store/build_queue.hpp"
#include "store/work_features.hpp"

namespace bzpeer::feed {

// A worker's part: waits up to `wait_seconds` for the run's terms partitions, then takes
// them until none is free. Returns how many it did (0 when the run closed meanwhile).
Result<size_t> work_on_terms(store::WorkFeatureStore& store, store::BuildQueue& queue, const store::IdentityRun& run,
                             const std::string& worker, int wait_seconds);

// The coordinator's part, after the topics are listed: queues the terms partitions, takes
// them beside the workers until every one is done, then records `works_revision`.
Result<WorkTermsStats> finish_terms_run(store::WorkFeatureStore& store, store::BuildQueue& queue,
                                        const store::IdentityRun& run, const std::string& worker,
                                        std::int64_t works_revision);

}  // namespace bzpeer::feed

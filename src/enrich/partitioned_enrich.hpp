#pragma once
// Profiles over several processes, on several machines, once a partitioned build has
// saved its researchers (store/build_queue.hpp). A profile reads the whole corpus (its
// co-authors' works, their topics), so every process loads the corpus view; the
// researchers are then split (researcher id modulo the run's partitions):
//   work_on_profiles    (any `bzpeer build --worker`) makes and saves the profiles of
//                       the partitions it takes, and counts their topics;
//   finish_profiles_run (the coordinator) opens the partitions, works too, waits for
//                       those others hold, and adds the topic counts up into the
//                       topics list (the feed's terms follow: feed/partitioned_terms.hpp).
// The profiles and topics are the ones run_enrich makes in one process (a test holds it).
#include <string>

#include "core/result.hpp"
#include "enrich/profile_pass.hpp"
#include "store/build_queue.hpp"
#include "store/profile_store.hpp"

namespace bzpeer::enrich {

// Waits (up to `wait_seconds`) for the run's profiles partitions to open, then takes
// them until none is free; returns how many it did (none when the run was past them first).
Result<size_t> work_on_profiles(store::ProfileStore& store, store::BuildQueue& queue, const store::IdentityRun& run,
                                const std::string& worker, int wait_seconds);

Result<EnrichStats> finish_profiles_run(store::ProfileStore& store, store::BuildQueue& queue,
                                        const store::IdentityRun& run, const std::string& worker);

}  // namespace bzpeer::enrich

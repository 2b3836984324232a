#pragma once
// Identity over several processes, on several machines (store/build_queue.hpp). Name
// blocks are independent once each knows what only the whole corpus can say (how rare
// a stem or a name is, which authorships claims tie together), so:
//   plan_identity_run    counts those once, and queues ranges of works and groups of
//                        name blocks;
//   work_on_identity_run (any number of `bzpeer build --worker` processes) takes the
//                        works partitions (each work's text weighed once, its evidence
//                        stored), then block partitions, clustered from that evidence;
//   finish_identity_run  works too, waits for the partitions others hold, gives the
//                        clusters stable ids and swaps them in; the run goes on to
//                        profiles (enrich/partitioned_enrich.hpp) or is closed.
// The clusters are the ones run_identity finds in one process (a test holds it).
#include <cstddef>
#include <string>

#include "core/result.hpp"
#include "identity/identity_pass.hpp"
#include "identity/pair_model.hpp"
#include "store/build_queue.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::identity {

// The partition a name block belongs to.
int partition_of(const std::string& block, int partitions);

Result<store::IdentityRun> plan_identity_run(store::IdentityStore& store, store::BuildQueue& queue, int partitions);

// Takes works partitions until all are done, then block partitions until none is free;
// returns how many this worker did.
Result<size_t> work_on_identity_run(store::BuildQueue& queue, const store::IdentityRun& run, const PairModel& model,
                                    const std::string& worker);

// Works on the partitions still free, waits until every partition is done (one a dead
// worker held is free again and taken here), then saves the assignment (the run stays
// open: its profiles come next, or the caller closes it).
Result<IdentityStats> finish_identity_run(store::IdentityStore& store, store::BuildQueue& queue,
                                          const store::IdentityRun& run, const PairModel& model,
                                          const std::string& worker);

// "host:pid", for the queue's record of who holds what.
std::string worker_name();

}  // namespace bzpeer::identity

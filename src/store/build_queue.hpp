#pragma once
// A partitioned identity build's face of the catalog. Name blocks are independent, so
// a run splits them into partitions that `bzpeer build --worker` processes, on any
// machine, take from a queue; a final step gives the clusters stable ids and swaps
// them in (identity/partitioned_identity.hpp). PostgreSQL only: a worker holds its
// partition by a row lock (SELECT ... FOR UPDATE SKIP LOCKED) in a transaction that
// also writes its results, so a worker that dies leaves the partition to the others.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/attribution.hpp"
#include "store/pass_rows.hpp"

namespace bzpeer::store {

// What every worker of a run must share to cluster as one process would: the corpus's
// document frequencies (stem hash -> works using it), its name counts, and which
// partition each authorship is in (with its constraint id, claims applied).
struct IdentityRunPlan {
  int partitions = 0;
  std::uint64_t documents = 0;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> term_df;
  struct NameCount {
    bool family = false;  // else a given name
    std::string name;
    std::uint32_t people = 0;
  };
  std::vector<NameCount> names;
  struct Authorship {
    std::int64_t id = 0;
    int partition = 0;
    std::string person_id;
  };
  std::vector<Authorship> authorships;
};

struct IdentityRun {
  std::int64_t id = 0;
  int partitions = 0;
};

// One work of a partition with every author's name (a work's co-authors are evidence,
// whichever partition they are in), in authorship order.
struct PartitionWork {
  WorkRow work;
  struct Author {
    std::int64_t authorship_id = 0;
    std::string first, last, raw_name;
  };
  std::vector<Author> authors;
};

// A partition's outcome for one authorship: its cluster (unique in the run) and why.
struct PartitionResult {
  std::int64_t authorship_id = 0;
  std::int64_t cluster = 0;
  Attribution attribution;
};

class BuildQueue {
 public:
  virtual ~BuildQueue() = default;

  // Starts a run (every partition pending), dropping any earlier run's working rows.
  virtual Result<IdentityRun> create_run(const IdentityRunPlan& plan) = 0;
  // The newest run still open, if any.
  virtual Result<std::optional<IdentityRun>> open_run() = 0;
  // The shared statistics of a run (the plan without its authorships).
  virtual Result<IdentityRunPlan> run_statistics(std::int64_t run) = 0;

  // Takes a pending partition nobody holds and holds it until finish_partition or
  // release_partition (or this connection's end); none when every one is done or held.
  virtual Result<std::optional<int>> take_partition(std::int64_t run, const std::string& worker) = 0;
  // The held partition's authorships (person ids as planned), ordered by id; and its
  // works, ordered by id.
  virtual Status partition_authorships(std::int64_t run, int partition,
                                       const std::function<void(AuthorshipRow&&)>& visit) = 0;
  virtual Status partition_works(std::int64_t run, int partition, const std::function<void(PartitionWork&&)>& visit) = 0;
  // Writes the results and marks the partition done, in the transaction that held it.
  virtual Status finish_partition(std::int64_t run, int partition, const std::vector<PartitionResult>& results) = 0;
  virtual void release_partition() = 0;

  // Partitions not done yet (held or pending).
  virtual Result<int> partitions_left(std::int64_t run) = 0;
  // Every result of a finished run, ordered by authorship id.
  virtual Status for_each_result(std::int64_t run, const std::function<void(PartitionResult&&)>& visit) = 0;
  // Closes the run and drops its working rows.
  virtual Status close_run(std::int64_t run) = 0;
};

// Opens the queue of the catalog at `location`: a PostgreSQL URL (a directory is
// refused: SQLite serves one process, which builds without partitions).
Result<std::unique_ptr<BuildQueue>> open_build_queue(const std::string& location);

}  // namespace bzpeer::store

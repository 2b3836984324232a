#pragma once
// A partitioned build's face of the catalog. A run has three kinds of partitions that
// `bzpeer build --worker` processes, on any machine, take from a queue: ranges of works,
// whose text is weighed once into each work's evidence, then groups of name blocks,
// clustered from that evidence; a final step gives the clusters stable ids and swaps
// them in (identity/partitioned_identity.hpp); then groups of researchers whose profiles
// are made and saved (enrich/partitioned_enrich.hpp); then groups of works whose terms
// the feed counts and saves (feed/partitioned_terms.hpp). PostgreSQL only: a worker
// holds its partition by a row lock (SELECT ... FOR UPDATE SKIP LOCKED) in a
// transaction that also writes its results, so a worker that dies leaves the partition
// to the others.
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
enum class PartitionKind { works, blocks, profiles, terms };

struct IdentityRunPlan {
  int partitions = 0;  // of name blocks
  // The works partitions: ranges of work ids, first and last included.
  std::vector<std::pair<std::int64_t, std::int64_t>> work_ranges;
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
  int partitions = 0;       // of name blocks
  int work_partitions = 0;
};

// One work of a works partition with every author's name (its co-authors' name blocks
// are evidence), in authorship order.
struct PartitionWork {
  WorkRow work;
  struct Author {
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

// How many researchers of a profiles partition list a topic.
struct TopicTally {
  std::string id, label;
  int researchers = 0;
};

// Where a run stands: identity (its works and block partitions), then profiles (their
// partitions, once the coordinator has saved the researchers), then the feed's terms
// (once it has listed the topics), then closed.
enum class RunStage { identity, profiles, terms, closed };

class BuildQueue {
 public:
  virtual ~BuildQueue() = default;

  // Starts a run (every partition pending), dropping any earlier run's working rows.
  virtual Result<IdentityRun> create_run(const IdentityRunPlan& plan) = 0;
  // The newest run still open, if any; the newest run's id, open or not (0: none yet).
  virtual Result<std::optional<IdentityRun>> open_run() = 0;
  virtual Result<std::int64_t> newest_run_id() = 0;
  // The shared statistics of a run (the plan without its authorships).
  virtual Result<IdentityRunPlan> run_statistics(std::int64_t run) = 0;

  // Takes a pending partition of `kind` nobody holds and holds it until a finish_ call
  // or release_partition (or this connection's end); none when every one is done or held.
  virtual Result<std::optional<int>> take_partition(std::int64_t run, PartitionKind kind, const std::string& worker) = 0;
  virtual void release_partition() = 0;

  // A works partition: its works, ordered by id; then each one's evidence (bytes), in
  // the transaction that held it.
  virtual Status range_works(std::int64_t run, int partition, const std::function<void(PartitionWork&&)>& visit) = 0;
  virtual Status finish_works_partition(std::int64_t run, int partition,
                                        const std::vector<std::pair<std::int64_t, std::string>>& evidence) = 0;

  // A blocks partition: its authorships (person ids as planned), ordered by id, and the
  // evidence of their works, ordered by work id; then its results.
  virtual Status partition_authorships(std::int64_t run, int partition,
                                       const std::function<void(AuthorshipRow&&)>& visit) = 0;
  virtual Status partition_evidence(std::int64_t run, int partition,
                                    const std::function<void(std::int64_t work_id, std::string&& evidence)>& visit) = 0;
  virtual Status finish_blocks_partition(std::int64_t run, int partition, const std::vector<PartitionResult>& results) = 0;

  // Where run `run` stands.
  virtual Result<RunStage> run_stage(std::int64_t run) = 0;
  // Identity is saved: queues the run's profiles partitions (as many as its block
  // partitions; researcher id modulo that number) and moves it to RunStage::profiles.
  virtual Status open_profiles(std::int64_t run) = 0;
  // A profiles partition's topic tallies (its profiles are saved in the catalog: saving
  // one twice writes the same row), in the transaction that held it; then all of them.
  virtual Status finish_profiles_partition(std::int64_t run, int partition, const std::vector<TopicTally>& tallies) = 0;
  virtual Status for_each_topic_tally(std::int64_t run, const std::function<void(TopicTally&&)>& visit) = 0;
  // The profiles are done: queues the run's terms partitions (as many again; work id
  // modulo that number) and moves it to RunStage::terms. A terms partition's terms are
  // saved in the catalog, as profiles are; finishing it marks it done.
  virtual Status open_terms(std::int64_t run) = 0;
  virtual Status finish_terms_partition(std::int64_t run, int partition) = 0;

  // Partitions of `kind` not done yet (held or pending).
  virtual Result<int> partitions_left(std::int64_t run, PartitionKind kind) = 0;
  // Every result of a finished run, ordered by authorship id.
  virtual Status for_each_result(std::int64_t run, const std::function<void(PartitionResult&&)>& visit) = 0;
  // Closes the run and drops its working rows.
  virtual Status close_run(std::int64_t run) = 0;
};

// Takes partitions of `kind` and does `work` on each until none is free, then (`wait`)
// until every one is done, taking any that a dead worker gives back. Returns how many it
// did; a failed partition is given back and its error returned.
Result<size_t> take_partitions(BuildQueue& queue, std::int64_t run, PartitionKind kind, const std::string& worker,
                               bool wait, const std::function<Status(int partition)>& work);

// Waits up to `wait_seconds` for run `run` to reach `stage` (`what` names it in the
// error when it does not): true once there, false when the run is past it already.
Result<bool> wait_for_stage(BuildQueue& queue, std::int64_t run, RunStage stage, int wait_seconds, const std::string& what);

// Opens the queue of the catalog at `location`: a PostgreSQL URL (a directory is
// refused: SQLite serves one process, which builds without partitions).
Result<std::unique_ptr<BuildQueue>> open_build_queue(const std::string& location);

}  // namespace bzpeer::store

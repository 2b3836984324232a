#include "enrich/partitioned_enrich.hpp"

#include "core/phase_clock.hpp"
#include "enrich/corpus_view.hpp"
#include "enrich/topic_catalog.hpp"

namespace bzpeer::enrich {

namespace {

bool in_partition(model::ResearcherId id, int partition, int partitions) {
  return id.value() % partitions == partition;
}

// Takes profiles partitions (`wait`: until every one is done, as the coordinator must).
Result<size_t> make_partitions(store::ProfileStore& store, store::BuildQueue& queue, const store::IdentityRun& run,
                               const std::string& worker, const CorpusView& view, bool wait) {
  const int partitions = std::max(1, run.partitions);
  return store::take_partitions(queue, run.id, store::PartitionKind::profiles, worker, wait, [&](int part) -> Status {
    TopicCatalog topics;
    auto saved = save_profiles_of(
        store, view, ProfileLimits{}, [&](model::ResearcherId id) { return in_partition(id, part, partitions); }, topics);
    if (!saved) return saved.error();
    return queue.finish_profiles_partition(run.id, part, topics.tallies());
  });
}

}  // namespace

Result<size_t> work_on_profiles(store::ProfileStore& store, store::BuildQueue& queue, const store::IdentityRun& run,
                                const std::string& worker, int wait_seconds) {
  auto reached = store::wait_for_stage(queue, run.id, store::RunStage::profiles, wait_seconds, "profiles");
  if (!reached) return reached.error();
  if (!*reached) return size_t{0};  // the run is past them
  auto view = load_corpus(store);
  if (!view) return view.error();
  return make_partitions(store, queue, run, worker, *view, /*wait=*/false);
}

Result<EnrichStats> finish_profiles_run(store::ProfileStore& store, store::BuildQueue& queue,
                                        const store::IdentityRun& run, const std::string& worker) {
  PhaseClock clock;
  if (auto opened = queue.open_profiles(run.id); !opened) return opened.error();
  auto view = load_corpus(store, &clock);
  if (!view) return view.error();
  auto made = make_partitions(store, queue, run, worker, *view, /*wait=*/true);
  if (!made) return made.error();
  clock.mark("profiles");
  TopicCatalog topics;
  if (auto read = queue.for_each_topic_tally(run.id, [&](store::TopicTally&& t) { topics.add(t); }); !read)
    return read.error();
  auto listed = topics.finish(*view);
  if (auto saved = store.save_topics(listed); !saved) return saved.error();
  clock.mark("topics");
  return EnrichStats{view->researcher_ids.size(), view->works.size(), view->topics.topic_count(), clock.text()};
}

}  // namespace bzpeer::enrich

#include "feed/work_terms_pass.hpp"

#include <algorithm>
#include <chrono>

#include "core/parallel.hpp"
#include "core/progress.hpp"
#include "feed/term_vector.hpp"

namespace bzpeer::feed {

namespace {
// Works per transaction; large enough that each thread's stem cache pays for itself.
constexpr size_t kBatch = 16384;
}  // namespace

Result<std::uint64_t> save_terms_of(store::WorkFeatureStore& store, const std::vector<std::int64_t>& ids,
                                    std::optional<std::int64_t> revision) {
  Progress progress("feed: work terms", ids.size());
  std::uint64_t counted = 0;
  size_t first = 0;
  do {  // at least once: an ingest that changed nothing still moves the revision
    const size_t last = std::min(ids.size(), first + kBatch);
    std::vector<std::int64_t> batch(ids.begin() + static_cast<std::ptrdiff_t>(first),
                                    ids.begin() + static_cast<std::ptrdiff_t>(last));
    auto texts = store.work_texts(batch);
    if (!texts) return texts.error();
    std::vector<std::pair<std::int64_t, std::string>> terms(texts->size());
    parallel_for(texts->size(), [&](size_t i) {
      const store::WorkText& t = (*texts)[i];
      terms[i] = {t.id, encode_terms(count_terms(t.title, t.abstract))};
    });
    // The revision is recorded with the last batch only: a build stopped midway counts
    // the rest next time.
    auto saved = store.save_terms(terms, last == ids.size() ? revision : std::nullopt);
    if (!saved) return saved.error();
    counted += terms.size();
    progress.update(counted);
    first = last;
  } while (first < ids.size());
  progress.finish();
  return counted;
}

Result<WorkTermsStats> update_work_terms(store::WorkFeatureStore& store, std::int64_t works_revision) {
  const auto start = std::chrono::steady_clock::now();
  WorkTermsStats stats;
  auto since = store.terms_revision();
  if (!since) return since.error();
  if (*since >= works_revision) return stats;
  auto changed = store.works_changed_since(*since);
  if (!changed) return changed.error();
  auto counted = save_terms_of(store, *changed, works_revision);
  if (!counted) return counted.error();
  stats.works = *counted;
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

}  // namespace bzpeer::feed

#pragma once
// The build's feed step: counts the terms of every work changed since the last build
// and stores them (store::WorkFeatureStore), so that ranking a reader's candidates
// reads their counts instead of stemming their abstracts.
#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "store/work_features.hpp"

namespace bzpeer::feed {

struct WorkTermsStats {
  std::uint64_t works = 0;  // counted this time
  double seconds = 0;
};

// `works_revision` is the catalog's current one (IndexSource::works_revision).
Result<WorkTermsStats> update_work_terms(store::WorkFeatureStore& store, std::int64_t works_revision);

// Counts and saves the terms of works `ids` (ascending), a batch a transaction; with
// `revision`, the last batch (at least one, though `ids` be empty) also records that every
// work up to it is counted. Returns how many works were counted.
Result<std::uint64_t> save_terms_of(store::WorkFeatureStore& store, const std::vector<std::int64_t>& ids,
                                    std::optional<std::int64_t> revision);

}  // namespace bzpeer::feed

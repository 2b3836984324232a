#pragma once
// The build's feed step: counts the terms of every work changed since the last build
// and stores them (store::WorkFeatureStore), so that ranking a reader's candidates
// reads their counts instead of stemming their abstracts.
#include <cstdint>

#include "core/result.hpp"
#include "store/work_features.hpp"

namespace bzpeer::feed {

struct WorkTermsStats {
  std::uint64_t works = 0;  // counted this time
  double seconds = 0;
};

// `works_revision` is the catalog's current one (IndexSource::works_revision).
Result<WorkTermsStats> update_work_terms(store::WorkFeatureStore& store, std::int64_t works_revision);

}  // namespace bzpeer::feed

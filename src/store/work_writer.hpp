#pragma once
// Ingest's face of the catalog: works in, by external id.
#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "model/work.hpp"

namespace bzpeer::store {

struct UpsertCounts {
  std::uint64_t inserted = 0, updated = 0, unchanged = 0;
};

class WorkWriter {
 public:
  virtual ~WorkWriter() = default;
  // Inserts or updates each work by external_id in one transaction. A work whose
  // content is unchanged is left untouched (idempotent re-ingest); a batch that changes
  // any work gets a new works revision, which the indexes re-read from.
  virtual Result<UpsertCounts> upsert_works(const std::vector<model::Work>& works) = 0;
};

}  // namespace bzpeer::store

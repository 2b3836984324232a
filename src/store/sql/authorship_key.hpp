#pragma once
// An authorship's key is its work's id times 8192 plus its position: stable across
// re-ingest, and a work's authorships are one key range, so no second index is needed.
// This header is the one place that knows the scheme; SQL uses the range it gives.
#include <cstdint>
#include <string>

#include "model/ids.hpp"

namespace bzpeer::store::sql {

inline constexpr std::int64_t kAuthorSlotsPerWork = 8192;

inline model::AuthorshipId authorship_key(std::int64_t work_id, int position) {
  return model::AuthorshipId(work_id * kAuthorSlotsPerWork + position);
}
inline std::int64_t work_of_authorship(model::AuthorshipId key) { return key.value() / kAuthorSlotsPerWork; }
inline int position_of_authorship(model::AuthorshipId key) { return static_cast<int>(key.value() % kAuthorSlotsPerWork); }

// The keys of works first_work..last_work's authorships: [begin, end).
struct AuthorshipRange {
  std::int64_t begin = 0, end = 0;
};
inline AuthorshipRange authorship_range(std::int64_t first_work, std::int64_t last_work) {
  return {first_work * kAuthorSlotsPerWork, (last_work + 1) * kAuthorSlotsPerWork};
}
inline AuthorshipRange authorship_range(std::int64_t work_id) { return authorship_range(work_id, work_id); }

// SQL for "`key` is one of the authorships of the work whose id is `work_id`", where
// work_id is a column of the row at hand (a correlated subquery cannot bind a range).
inline std::string authorship_of_work_sql(const std::string& key, const std::string& work_id) {
  const std::string slots = std::to_string(kAuthorSlotsPerWork);
  return key + " >= " + work_id + " * " + slots + " AND " + key + " < (" + work_id + " + 1) * " + slots;
}

}  // namespace bzpeer::store::sql

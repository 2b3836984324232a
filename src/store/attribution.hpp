#pragma once
// Why an authorship is on its researcher's profile, and how firmly it is tied there.
#include <cstdint>
#include <optional>
#include <string>

#include "model/researcher.hpp"
#include "model/states.hpp"

namespace bzpeer::store {

// The explanation in words, and the strength (none when the build did not explain it).
struct Attribution {
  std::string explanation;
  std::optional<model::AttributionStrength> strength;
};

// One authorship's researcher and why (the work page, export).
struct AuthorshipAttribution {
  std::int64_t work_id = 0;
  int position = 0;
  model::ResearcherId researcher;
  Attribution attribution;
};

}  // namespace bzpeer::store

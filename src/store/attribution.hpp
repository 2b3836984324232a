#pragma once
// Why an authorship is on its researcher's profile, and how firmly it is tied there.
#include <cstdint>
#include <string>

#include "model/researcher.hpp"

namespace bzpeer::store {

// "confirmed" (an editor's id or the researcher's own word), "strong", "moderate",
// "weak" (joined on the researcher's works as a whole, no single clear link) or "alone"
// (the researcher's only work under this name).
struct Attribution {
  std::string explanation;
  std::string strength;
};

// One authorship's researcher and why (the work page, export).
struct AuthorshipAttribution {
  std::int64_t work_id = 0;
  int position = 0;
  model::ResearcherId researcher = 0;
  Attribution attribution;
};

}  // namespace bzpeer::store

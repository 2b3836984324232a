#pragma once
// Checks that apply to a record of any source before it reaches the catalog.
#include <optional>
#include <string>

#include "model/work.hpp"

namespace bzpeer::ingest {

struct Limits {
  static constexpr size_t title_bytes = 2'000;
  static constexpr size_t abstract_bytes = 100'000;
  static constexpr size_t name_bytes = 300;
  static constexpr size_t authors = 5'000;
  static constexpr size_t field_bytes = 2'000;  // venue, doi, url, ids, affiliations
  static constexpr int first_year = 1900;
};

// The reason a work cannot be stored, or nothing when it is valid.
std::optional<std::string> validate(const model::Work& work);

// Collapses whitespace in every text field (sources wrap titles and abstracts).
void normalize(model::Work& work);

}  // namespace bzpeer::ingest

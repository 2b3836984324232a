#pragma once
// A work as the build's passes read it (identity's evidence, enrich's topics, the graph).
#include <cstdint>
#include <string>
#include <vector>

namespace bzpeer::store {

// One work with what the passes use of it: text, venue, date, categories, references.
struct WorkRow {
  std::int64_t id = 0;
  std::string external_id, source, type, title, abstract, venue, date;
  int year = 0;
  std::vector<std::string> categories;
  std::vector<std::string> cited;  // external ids of the works it references
};

}  // namespace bzpeer::store

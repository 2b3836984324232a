#pragma once
// A work as the pages, the API and the indexes read it: its fields, its authors in
// order with their researchers, and (on a profile) why it is there.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/researcher.hpp"
#include "model/states.hpp"

namespace bzpeer::store {

struct WorkSummary {
  std::int64_t id = 0;
  std::string external_id, source, type, title, abstract, venue, date, doi, url;
  std::string attribution;           // why this work is on a researcher's profile (CatalogReader::works_by_ids given the researcher)
  std::optional<model::AttributionStrength> attribution_strength;  // how firmly it is tied there
  int year = 0;
  std::vector<std::string> categories;
  std::vector<std::string> authors;  // display names in order
  // Parallel to `authors`: each one's researcher (0 before identity has run) and the
  // affiliation printed on this work ("" when none).
  std::vector<model::ResearcherId> author_ids;
  std::vector<std::string> author_affiliations;
};

struct Page {
  int page = 1;
  int per_page = 20;
};

}  // namespace bzpeer::store

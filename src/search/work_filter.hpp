#pragma once
// OpenAlex-style filters, sorts and group-bys for works:
//   filter=publication_year:2018|2019,type:!article,author.id:R12,from_publication_date:2018-01-01
// Clauses are ANDed (comma), alternatives ORed (|), `!` negates, `>` and `<` compare
// numbers. An unknown key or a bad value is an error that names it. The parsed filter is
// a plain tree that the searcher compiles for its index; nothing here knows the engine.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/researcher.hpp"

namespace bzpeer::search {

// One condition a work can meet.
struct WorkCondition {
  enum class Field { year, year_after, year_before, type, one_of_works, date_from, date_to, category, venue };
  Field field = Field::year;
  int year = 0;                     // year, year_after, year_before (exclusive bounds)
  std::string value;                // type, category, venue; a full YYYY-MM-DD date for date_from/date_to (inclusive)
  std::vector<std::int64_t> works;  // one_of_works (author.id resolved through the catalog)
};

// Works meeting, for every required clause, one of its conditions, and for no excluded
// clause any of its conditions.
struct WorkFilter {
  using Clause = std::vector<WorkCondition>;
  std::vector<Clause> required, excluded;
};

// Work ids of a researcher (author.id filters are resolved through the catalog).
using WorksOf = std::function<Result<std::vector<std::int64_t>>(model::ResearcherId)>;

// nullopt when the filter is empty.
Result<std::optional<WorkFilter>> parse_work_filter(const std::string& filter, const WorksOf& works_of);

enum class WorkSort { relevance, date_desc, date_asc, year_desc, year_asc };
// "relevance_score", "publication_date:desc", "publication_year:asc", ... (empty: relevance
// when there is search text, else newest first).
Result<WorkSort> parse_work_sort(const std::string& sort, bool has_text);

// What a facet counts (group_by=<key>): publication_year, type, venue, category.
enum class Facet { year, type, venue, category };
Result<Facet> parse_group_by(const std::string& key);

}  // namespace bzpeer::search

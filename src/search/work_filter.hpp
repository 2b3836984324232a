#pragma once
// OpenAlex-style filters, sorts and group-bys for works, turned into Xapian terms:
//   filter=publication_year:2018|2019,type:!article,author.id:R12,from_publication_date:2018-01-01
// Clauses are ANDed (comma), alternatives ORed (|), `!` negates, `>` and `<` compare
// numbers. An unknown key or a bad value is an error that names it.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <xapian.h>

#include "core/result.hpp"
#include "model/researcher.hpp"

namespace bzpeer::search {

// Work ids of a researcher (author.id filters are resolved through the catalog).
using WorksOf = std::function<std::vector<std::int64_t>(model::ResearcherId)>;

// nullopt when the filter is empty.
Result<std::optional<Xapian::Query>> parse_work_filter(const std::string& filter, const WorksOf& works_of);

enum class WorkSort { relevance, date_desc, date_asc, year_desc, year_asc };
// "relevance_score", "publication_date:desc", "publication_year:asc", ... (empty: relevance
// when there is search text, else newest first).
Result<WorkSort> parse_work_sort(const std::string& sort, bool has_text);

// The value slot counted by group_by=<key>, and the key names.
Result<Xapian::valueno> group_by_slot(const std::string& key);
// Decodes a value of `slot` for display (years are stored sortable-serialised).
std::string group_value_label(Xapian::valueno slot, const std::string& value);

}  // namespace bzpeer::search

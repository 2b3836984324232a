#pragma once
// A researcher's works tied on weak evidence (some authorship of the work attributed to
// them with strength 'weak'), counted into researchers.weak_works when identity is saved
// (and by the migration that added the column), so a profile page reads the figure
// with the profile instead of probing every work of the researcher: that probe took
// 3-7 ms a page for researchers with hundreds of works. Both backends run this SQL
// (UPDATE ... FROM: PostgreSQL, and SQLite since 3.33).
#include <string>

#include "store/sql/authorship_key.hpp"

namespace bzpeer::store::sql {

inline std::string count_weak_works_sql() {
  return "UPDATE researchers SET weak_works = weak.works FROM "
         "(SELECT researcher_id, COUNT(DISTINCT authorship_id / " +
         std::to_string(kAuthorSlotsPerWork) +
         ") AS works FROM researcher_authorships WHERE strength = 'weak' GROUP BY researcher_id) AS weak "
         "WHERE researchers.id = weak.researcher_id;";
}

}  // namespace bzpeer::store::sql

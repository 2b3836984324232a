#include "store/sql/work_rows.hpp"

#include <unordered_map>
#include <unordered_set>


#include "core/text.hpp"
#include "store/sql/authorship_key.hpp"
#include "store/sql/state_column.hpp"

namespace bzpeer::store::sql {

std::string join_with_spaces(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& c : items) {
    if (!out.empty()) out.push_back(' ');
    out += c;
  }
  return out;
}

std::vector<std::string> split_at_spaces(const std::string& joined) { return text::split(joined, ' '); }

WorkSummary read_work_summary(const Statement& stmt) {
  WorkSummary w;
  w.id = stmt.column_int(0);
  w.external_id = stmt.column_text(1);
  w.source = stmt.column_text(2);
  w.type = stmt.column_text(3);
  w.title = stmt.column_text(4);
  w.abstract = stmt.column_text(5);
  w.venue = stmt.column_text(6);
  w.date = stmt.column_text(7);
  w.doi = stmt.column_text(8);
  w.url = stmt.column_text(9);
  w.year = static_cast<int>(stmt.column_int(10));
  w.categories = split_at_spaces(stmt.column_text(11));
  return w;
}

std::int64_t read_works_revision(Connection& db) {
  auto stmt = db.prepare("SELECT value FROM catalog_meta WHERE key = 'works_revision'");
  return stmt.step() ? stmt.column_int(0) : 0;
}

AuthorshipAttribution read_attribution(const Statement& stmt) {
  const auto key = stmt.column_id<model::AuthorshipId>(0);
  return {work_of_authorship(key), position_of_authorship(key), stmt.column_id<model::ResearcherId>(1),
          {stmt.column_text(3),
           optional_state_column(stmt, 2, model::parse_attribution_strength, "researcher_authorships.strength")}};
}

std::string page_of_works_sql(Backend backend, const std::string& columns, const std::string& from,
                              const std::string& key, const std::string& condition) {
  const std::string where = authorship_of_work_sql(key, "j.id") + (condition.empty() ? "" : " AND " + condition);
  // PostgreSQL cannot tell how narrow a work's range is and plans a join on the ranges
  // as scans of whole tables; a LATERAL subquery kept apart by OFFSET 0 probes a work at
  // a time (0.4 ms for a page instead of 540 ms at 100,000 works).
  if (backend == Backend::postgresql)
    return "SELECT j.id, x.* FROM (SELECT jsonb_array_elements_text(?1::jsonb)::bigint AS id) j CROSS JOIN LATERAL "
           "(SELECT " + key + " AS authorship_key, " + columns + " FROM " + from + " WHERE " + where +
           " OFFSET 0) x ORDER BY x.authorship_key";
  return "SELECT j.id, " + key + " AS authorship_key, " + columns + " FROM (SELECT value AS id FROM json_each(?1)) j, " +
         from + " WHERE " + where + " ORDER BY authorship_key";
}

AuthorsReader::AuthorsReader(Connection& db)
    : stmt_(db.prepare(page_of_works_sql(db.backend(),
                                         "a.raw_name, a.affiliation, COALESCE(ra.researcher_id, 0) AS researcher, "
                                         "CASE WHEN ra.researcher_id = ?2 THEN ra.evidence END AS evidence, "
                                         "CASE WHEN ra.researcher_id = ?2 THEN ra.strength END AS strength",
                                         "authorships a LEFT JOIN researcher_authorships ra ON ra.authorship_id = a.id",
                                         "a.id", ""))) {}

void AuthorsReader::fill(std::vector<WorkSummary>& works, model::ResearcherId attributed_to) {
  if (works.empty()) return;
  std::unordered_map<std::int64_t, std::vector<WorkSummary*>> by_id;  // a work listed twice is filled twice
  std::vector<std::int64_t> ids;
  for (auto& w : works) {
    auto& same = by_id[w.id];
    if (same.empty()) ids.push_back(w.id);
    same.push_back(&w);
  }
  stmt_.bind(1, json_id_list(ids)).bind(2, attributed_to.value());  // no researcher has id 0
  std::unordered_set<const WorkSummary*> attributed_works;  // by their first authorship of it
  while (stmt_.step()) {
    const auto researcher = stmt_.column_id<model::ResearcherId>(4);
    const bool attributed = attributed_to && researcher == attributed_to;
    for (WorkSummary* work : by_id[stmt_.column_int(0)]) {
      work->authors.push_back(stmt_.column_text(2));
      work->author_affiliations.push_back(stmt_.column_text(3));
      work->author_ids.push_back(researcher);
      if (attributed && attributed_works.insert(work).second) {
        work->attribution = stmt_.column_text(5);
        work->attribution_strength =
            optional_state_column(stmt_, 6, model::parse_attribution_strength, "researcher_authorships.strength");
      }
    }
  }
  stmt_.reset();
}

}  // namespace bzpeer::store::sql

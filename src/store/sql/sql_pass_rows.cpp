#include "store/sql/sql_pass_rows.hpp"

#include "store/sql/result_guard.hpp"
#include "store/sql/work_rows.hpp"

namespace bzpeer::store::sql {

AuthorshipRow read_authorship_row(const Statement& stmt) {
  AuthorshipRow row;
  row.id = stmt.column_id<model::AuthorshipId>(0);
  row.work_id = stmt.column_int(1);
  row.position = static_cast<int>(stmt.column_int(2));
  row.raw_name = stmt.column_text(3);
  row.first = stmt.column_text(4);
  row.last = stmt.column_text(5);
  row.affiliation = stmt.column_text(6);
  row.source_person_id = stmt.column_text(7);
  row.previous_researcher = stmt.column_id<model::ResearcherId>(8);
  row.email = stmt.column_text(9);
  row.orcid = stmt.column_text(10);
  return row;
}

WorkRow read_work_row(const Statement& stmt) {
  WorkRow row;
  row.id = stmt.column_int(0);
  row.external_id = stmt.column_text(1);
  row.source = stmt.column_text(2);
  row.type = stmt.column_text(3);
  row.title = stmt.column_text(4);
  row.abstract = stmt.column_text(5);
  row.venue = stmt.column_text(6);
  row.date = stmt.column_text(7);
  row.year = static_cast<int>(stmt.column_int(8));
  row.categories = split_at_spaces(stmt.column_text(9));
  row.cited = split_at_spaces(stmt.column_text(10));
  return row;
}

Status read_authorship_rows(Connection& db, const std::function<void(AuthorshipRow&&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db.prepare_scan(std::string("SELECT ") + kAuthorshipRowColumns +
                                " FROM authorships a LEFT JOIN researcher_authorships ra ON ra.authorship_id = a.id "
                                "ORDER BY a.id");
    while (stmt.step()) visit(read_authorship_row(stmt));
    return Ok{};
  });
}

Status read_work_rows(Connection& db, const std::function<void(WorkRow&&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db.prepare_scan(std::string("SELECT ") + kWorkRowColumns + " FROM works w ORDER BY w.id");
    while (stmt.step()) visit(read_work_row(stmt));
    return Ok{};
  });
}

Status read_researcher_work_rows(Connection& db, const std::function<void(model::ResearcherId, std::int64_t)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db.prepare_scan("SELECT researcher_id, work_id FROM researcher_works ORDER BY work_id, researcher_id");
    while (stmt.step()) visit(stmt.column_id<model::ResearcherId>(0), stmt.column_int(1));
    return Ok{};
  });
}

Status read_researcher_rows(Connection& db, const std::function<void(model::ResearcherId, const std::string&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db.prepare_scan("SELECT id, display_name FROM researchers ORDER BY id");
    while (stmt.step()) visit(stmt.column_id<model::ResearcherId>(0), stmt.column_text(1));
    return Ok{};
  });
}

}  // namespace bzpeer::store::sql

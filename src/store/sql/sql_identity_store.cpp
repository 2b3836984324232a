#include "store/sql/sql_identity_store.hpp"

#include <algorithm>

#include "store/sql/account_remap.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sql/state_column.hpp"
#include "store/sql/weak_works.hpp"

namespace bzpeer::store::sql {

Result<std::vector<model::WorkCorrection>> SqlIdentityStore::work_corrections() {
  return guarded([&]() -> Result<std::vector<model::WorkCorrection>> {
    auto stmt = db_.prepare("SELECT researcher_id, work_id, action FROM corrections ORDER BY researcher_id, work_id");
    std::vector<model::WorkCorrection> out;
    while (stmt.step())
      out.push_back({stmt.column_id<model::ResearcherId>(0), stmt.column_int(1),
                     state_column(stmt, 2, model::parse_correction_action, "corrections.action")});
    return out;
  });
}

Status SqlIdentityStore::save_assignment(const ResearcherAssignment& assignment) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    // Rebuilt wholesale: rows go in key order and the secondary index is built once at
    // the end, which is many times faster than maintaining it row by row.
    db_.exec(
        "DELETE FROM researchers; DELETE FROM researcher_authorships; "
        "DROP INDEX IF EXISTS researcher_works_newest; DELETE FROM researcher_works;");
    auto researchers = db_.bulk_insert("researchers", {"id", "display_name", "name_key"});
    for (const auto& r : assignment.researchers) {
      const std::string id = std::to_string(r.id.value());
      researchers->add_row({id, r.display_name, r.name_key});
    }
    researchers->finish();
    const auto& links = assignment.authorship_to_researcher;
    std::vector<size_t> order(links.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return links[a] < links[b]; });
    auto link_rows = db_.bulk_insert("researcher_authorships", {"authorship_id", "researcher_id", "evidence", "strength"});
    for (size_t i : order) {
      bool explained = i < assignment.attributions.size();
      const auto& strength = explained ? assignment.attributions[i].strength : std::nullopt;
      const std::string authorship = std::to_string(links[i].first.value()), researcher = std::to_string(links[i].second.value());
      link_rows->add_row({authorship, researcher,
                          explained ? std::string_view(assignment.attributions[i].explanation) : std::string_view(),
                          strength ? model::name(*strength) : std::string_view()});
    }
    link_rows->finish();
    db_.exec(
        "INSERT INTO researcher_works(researcher_id, work_id, year, date) "
        "SELECT ra.researcher_id, a.work_id, w.year, w.date FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id JOIN works w ON w.id = a.work_id WHERE true "
        "ORDER BY ra.researcher_id, a.work_id ON CONFLICT DO NOTHING;"
        "CREATE INDEX researcher_works_newest ON researcher_works(researcher_id, year DESC, date DESC, work_id DESC);"
        "UPDATE researchers SET works_count = "
        "(SELECT COUNT(*) FROM researcher_works rw WHERE rw.researcher_id = researchers.id);" +
        count_weak_works_sql());
    // New redirects, with older ones that pointed at a now-retired id following along.
    auto repoint = db_.prepare("UPDATE researcher_redirects SET new_id = ?1 WHERE new_id = ?2");
    auto add_redirect = db_.prepare("INSERT INTO researcher_redirects(old_id, new_id) VALUES (?1, ?2) ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id");
    for (const auto& [old_id, new_id] : assignment.redirects) {
      repoint.bind(1, new_id).bind(2, old_id);
      repoint.run();
      add_redirect.bind(1, old_id).bind(2, new_id);
      add_redirect.run();
    }
    db_.exec("DELETE FROM researcher_redirects WHERE old_id IN (SELECT id FROM researchers)");
    // What accounts hold on a merged id moves to the researcher it became: follows,
    // corrections, conversations, and the claim (unless the survivor is claimed too;
    // then the older claim stays and a moderator sorts it out through disputes).
    if (!assignment.redirects.empty()) move_account_state(db_, assignment.redirects);
    tx.commit();
    return Ok{};
  });
}

}  // namespace bzpeer::store::sql

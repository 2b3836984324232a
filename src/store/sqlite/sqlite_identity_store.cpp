#include "store/sqlite/sqlite_identity_store.hpp"

#include <algorithm>

#include "store/sqlite/account_remap.hpp"
#include "store/sqlite/result_guard.hpp"
#include "store/sqlite/state_column.hpp"

namespace bzpeer::store::sqlite {

Result<std::vector<model::WorkCorrection>> SqliteIdentityStore::work_corrections() {
  return guarded([&]() -> Result<std::vector<model::WorkCorrection>> {
    auto stmt = db_.prepare("SELECT researcher_id, work_id, action FROM corrections ORDER BY researcher_id, work_id");
    std::vector<model::WorkCorrection> out;
    while (stmt.step())
      out.push_back({stmt.column_id<model::ResearcherId>(0), stmt.column_int(1),
                     state_column(stmt, 2, model::parse_correction_action, "corrections.action")});
    return out;
  });
}

Status SqliteIdentityStore::save_assignment(const ResearcherAssignment& assignment) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    // Rebuilt wholesale: rows go in key order and the secondary index is built once at
    // the end, which is many times faster than maintaining it row by row.
    db_.exec(
        "DELETE FROM researchers; DELETE FROM researcher_authorships; "
        "DROP INDEX IF EXISTS researcher_works_newest; DELETE FROM researcher_works;");
    auto insert_researcher = db_.prepare("INSERT INTO researchers(id, display_name, name_key) VALUES (?, ?, ?)");
    for (const auto& r : assignment.researchers) {
      insert_researcher.bind(1, r.id).bind(2, r.display_name).bind(3, r.name_key);
      insert_researcher.run();
    }
    const auto& links = assignment.authorship_to_researcher;
    std::vector<size_t> order(links.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return links[a] < links[b]; });
    auto insert_link =
        db_.prepare("INSERT INTO researcher_authorships(authorship_id, researcher_id, evidence, strength) VALUES (?, ?, ?, ?)");
    for (size_t i : order) {
      bool explained = i < assignment.attributions.size();
      insert_link.bind(1, links[i].first).bind(2, links[i].second);
      insert_link.bind_static(3, explained ? std::string_view(assignment.attributions[i].explanation) : "");
      const auto& strength = explained ? assignment.attributions[i].strength : std::nullopt;
      insert_link.bind_static(4, strength ? model::name(*strength) : "");
      insert_link.run();
    }
    db_.exec(
        "INSERT OR IGNORE INTO researcher_works(researcher_id, work_id, year, date) "
        "SELECT ra.researcher_id, a.work_id, w.year, w.date FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id JOIN works w ON w.id = a.work_id "
        "ORDER BY ra.researcher_id, a.work_id;"
        "CREATE INDEX researcher_works_newest ON researcher_works(researcher_id, year DESC, date DESC, work_id DESC);"
        "UPDATE researchers SET works_count = "
        "(SELECT COUNT(*) FROM researcher_works rw WHERE rw.researcher_id = researchers.id);");
    // New redirects, with older ones that pointed at a now-retired id following along.
    auto repoint = db_.prepare("UPDATE researcher_redirects SET new_id = ?1 WHERE new_id = ?2");
    auto add_redirect = db_.prepare("INSERT OR REPLACE INTO researcher_redirects(old_id, new_id) VALUES (?1, ?2)");
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

}  // namespace bzpeer::store::sqlite

#include "store/sqlite/sqlite_profile_store.hpp"

#include "store/profile_codec.hpp"
#include "store/sqlite/pass_rows.hpp"
#include "store/sqlite/result_guard.hpp"

namespace bzpeer::store::sqlite {

Status SqliteProfileStore::for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) {
  return read_authorship_rows(db_, visit);
}

Status SqliteProfileStore::for_each_work(const std::function<void(WorkRow&&)>& visit) { return read_work_rows(db_, visit); }

Status SqliteProfileStore::for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db_.prepare("SELECT researcher_id, work_id FROM researcher_works ORDER BY work_id");
    while (stmt.step()) visit(stmt.column_int(0), stmt.column_int(1));
    return Ok{};
  });
}

Status SqliteProfileStore::for_each_researcher(const std::function<void(model::ResearcherId, const std::string&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db_.prepare("SELECT id, display_name FROM researchers ORDER BY id");
    while (stmt.step()) visit(stmt.column_int(0), stmt.column_text(1));
    return Ok{};
  });
}

Status SqliteProfileStore::save_profiles(const std::vector<model::ResearcherProfile>& profiles) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    auto update = db_.prepare("UPDATE researchers SET profile_json = ? WHERE id = ?");
    for (const auto& p : profiles) {
      update.bind(1, encode_profile(p)).bind(2, p.id);
      update.run();
    }
    tx.commit();
    return Ok{};
  });
}

Status SqliteProfileStore::save_topics(const std::vector<model::TopicSummary>& topics) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    db_.exec("DELETE FROM topics");
    auto insert = db_.prepare("INSERT INTO topics(id, label, works_count, researchers_count) VALUES (?, ?, ?, ?)");
    for (const auto& t : topics) {
      insert.bind(1, t.id).bind(2, t.label).bind(3, t.works_count).bind(4, t.researchers_count);
      insert.run();
    }
    tx.commit();
    return Ok{};
  });
}

}  // namespace bzpeer::store::sqlite

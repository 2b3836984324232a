#include "store/sql/sql_work_features.hpp"

#include "core/text.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sql/work_rows.hpp"

namespace bzpeer::store::sql {

Result<std::int64_t> SqlWorkFeatures::terms_revision() {
  return guarded([&]() -> Result<std::int64_t> {
    auto stmt = db_.prepare("SELECT value FROM catalog_meta WHERE key = 'terms_revision'");
    return stmt.step() ? stmt.column_int(0) : 0;
  });
}

Result<std::vector<std::int64_t>> SqlWorkFeatures::works_changed_since(std::int64_t revision) {
  return guarded([&]() -> Result<std::vector<std::int64_t>> {
    auto stmt = db_.prepare("SELECT id FROM works WHERE revision > ? ORDER BY id");
    stmt.bind(1, revision);
    std::vector<std::int64_t> ids;
    while (stmt.step()) ids.push_back(stmt.column_int(0));
    return ids;
  });
}

Result<std::vector<WorkText>> SqlWorkFeatures::work_texts(const std::vector<std::int64_t>& ids) {
  return guarded([&]() -> Result<std::vector<WorkText>> {
    if (!text_stmt_) text_stmt_ = db_.prepare("SELECT title, abstract FROM works WHERE id = ?");
    std::vector<WorkText> out;
    for (auto id : ids) {
      text_stmt_.bind(1, id);
      if (text_stmt_.step()) out.push_back({id, text_stmt_.column_text(0), text_stmt_.column_text(1)});
      text_stmt_.reset();
    }
    return out;
  });
}

Status SqlWorkFeatures::save_terms(const std::vector<std::pair<std::int64_t, std::string>>& terms,
                                      std::optional<std::int64_t> revision) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    // The work's revision is read in the same statement: terms counted from a text that
    // an ingest has replaced since carry the old revision and read as missing.
    if (db_.backend() == Backend::postgresql) {
      // A statement a work is a round trip to the server each: they are copied in (as
      // hex text) and written by one.
      auto rows = staging_table(db_, "stage_terms", {"work_id BIGINT", "terms_hex TEXT"});
      for (const auto& [id, bytes] : terms) {
        const std::string work_id = std::to_string(id), hex = text::hex(bytes);
        rows->add_row({work_id, hex});
      }
      rows->finish();
      db_.exec(
          "INSERT INTO work_terms(work_id, revision, terms) SELECT w.id, w.revision, decode(s.terms_hex, 'hex') "
          "FROM stage_terms s JOIN works w ON w.id = s.work_id "
          "ON CONFLICT(work_id) DO UPDATE SET revision = excluded.revision, terms = excluded.terms");
    } else {
      auto write = db_.prepare(
          "INSERT INTO work_terms(work_id, revision, terms) SELECT id, revision, ?2 FROM works WHERE id = ?1 "
          "ON CONFLICT(work_id) DO UPDATE SET revision = excluded.revision, terms = excluded.terms");
      for (const auto& [id, bytes] : terms) {
        write.bind(1, id).bind_blob(2, bytes);
        write.run();
      }
    }
    if (revision) {
      auto mark = db_.prepare("UPDATE catalog_meta SET value = ? WHERE key = 'terms_revision'");
      mark.bind(1, *revision);
      mark.run();
    }
    tx.commit();
    return Ok{};
  });
}

Result<std::vector<WorkFeatures>> SqlWorkFeatures::work_features(const std::vector<std::int64_t>& ids) {
  return guarded([&]() -> Result<std::vector<WorkFeatures>> {
    if (!features_stmt_)
      features_stmt_ = db_.prepare(
          "SELECT w.date, w.year, w.categories, t.terms FROM works w "
          "LEFT JOIN work_terms t ON t.work_id = w.id AND t.revision = w.revision WHERE w.id = ?");
    std::vector<WorkFeatures> out;
    for (auto id : ids) {
      features_stmt_.bind(1, id);
      if (features_stmt_.step()) {
        WorkFeatures f;
        f.id = id;
        f.date = features_stmt_.column_text(0);
        f.year = static_cast<int>(features_stmt_.column_int(1));
        f.categories = split_at_spaces(features_stmt_.column_text(2));
        if (!features_stmt_.column_is_null(3)) f.terms = features_stmt_.column_blob(3);
        out.push_back(std::move(f));
      }
      features_stmt_.reset();
    }
    return out;
  });
}

}  // namespace bzpeer::store::sql

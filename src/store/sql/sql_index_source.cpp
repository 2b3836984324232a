#include "store/sql/sql_index_source.hpp"

#include "core/text.hpp"
#include "store/sql/authorship_key.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sql/work_rows.hpp"

namespace bzpeer::store::sql {

Result<std::int64_t> SqlIndexSource::works_revision() {
  return guarded([&]() -> Result<std::int64_t> { return read_works_revision(db_); });
}

Status SqlIndexSource::for_each_work_since(std::int64_t revision, const std::function<void(WorkSummary&&)>& visit) {
  return guarded([&]() -> Status {
    // Two scans side by side, works and their authors, both in key order (an
    // authorship's key orders it by work, then position), merged here: one pass over
    // each table rather than a lookup of authors per work, which on a database server
    // is a round trip per work.
    auto works = db_.prepare_scan(std::string("SELECT ") + kWorkSummaryColumns +
                                  " FROM works w WHERE w.revision > ? ORDER BY w.id");
    // SQLite reads each work's authors as its key range (authorships have no index on
    // work_id); PostgreSQL hashes the join on work_id instead, where a range join
    // would be a nested loop.
    const std::string join = db_.backend() == Backend::postgresql ? std::string("a.work_id = w.id")
                                                                  : authorship_of_work_sql("a.id", "w.id");
    auto authors = db_.prepare_scan(
        "SELECT a.id, a.raw_name, a.affiliation, COALESCE(ra.researcher_id, 0) FROM works w JOIN authorships a ON " +
        join + " LEFT JOIN researcher_authorships ra ON ra.authorship_id = a.id WHERE w.revision > ? ORDER BY a.id");
    works.bind(1, revision);
    authors.bind(1, revision);
    bool author_ready = authors.step();
    while (works.step()) {
      WorkSummary w = read_work_summary(works);
      for (; author_ready; author_ready = authors.step()) {
        const std::int64_t of_work = work_of_authorship(authors.column_id<model::AuthorshipId>(0));
        if (of_work > w.id) break;
        if (of_work < w.id) continue;  // (cannot happen: both scans read the same works)
        w.authors.push_back(authors.column_text(1));
        w.author_affiliations.push_back(authors.column_text(2));
        w.author_ids.push_back(authors.column_id<model::ResearcherId>(3));
      }
      visit(std::move(w));
    }
    return Ok{};
  });
}

Status SqlIndexSource::for_each_researcher_for_search(const std::function<void(ResearcherSearchRow&&)>& visit) {
  return guarded([&]() -> Status {
    // The database's JSON functions pick the few fields out without decoding whole profiles.
    auto stmt = db_.prepare_scan(
        db_.backend() == Backend::postgresql
            ? "SELECT id, display_name, works_count, COALESCE(profile_json::jsonb->>'affiliation', ''), "
              "(SELECT string_agg(t->>'name', chr(31)) FROM jsonb_array_elements(COALESCE(profile_json::jsonb->'topics', "
              "'[]'::jsonb)) t) FROM researchers ORDER BY id"
            : "SELECT id, display_name, works_count, COALESCE(json_extract(profile_json, '$.affiliation'), ''), "
              "(SELECT group_concat(json_extract(t.value, '$.name'), char(31)) FROM json_each(profile_json, '$.topics') t) "
              "FROM researchers ORDER BY id");
    while (stmt.step()) {
      ResearcherSearchRow row;
      row.id = stmt.column_id<model::ResearcherId>(0);
      row.display_name = stmt.column_text(1);
      row.works_count = static_cast<int>(stmt.column_int(2));
      row.affiliation = stmt.column_text(3);
      row.topics = text::split(stmt.column_text(4), '\x1f');
      visit(std::move(row));
    }
    return Ok{};
  });
}

Status SqlIndexSource::for_each_name_variant(const std::function<void(model::ResearcherId, const std::string&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db_.prepare_scan(
        "SELECT DISTINCT ra.researcher_id, a.raw_name FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id ORDER BY 1, 2");
    while (stmt.step()) visit(stmt.column_id<model::ResearcherId>(0), stmt.column_text(1));
    return Ok{};
  });
}

Status SqlIndexSource::for_each_topic(const std::function<void(model::TopicSummary&&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db_.prepare_scan("SELECT id, label, works_count, researchers_count FROM topics ORDER BY id");
    while (stmt.step())
      visit({stmt.column_text(0), stmt.column_text(1), static_cast<int>(stmt.column_int(2)),
             static_cast<int>(stmt.column_int(3))});
    return Ok{};
  });
}

Status SqlIndexSource::for_each_researcher_affiliation(
    const std::function<void(model::ResearcherId, const std::string&, int)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db_.prepare_scan(
        "SELECT ra.researcher_id, a.affiliation, COUNT(*) FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id WHERE a.affiliation != '' GROUP BY 1, 2 ORDER BY 1, 2");
    while (stmt.step()) visit(stmt.column_id<model::ResearcherId>(0), stmt.column_text(1), static_cast<int>(stmt.column_int(2)));
    return Ok{};
  });
}

Status SqlIndexSource::for_each_attribution_by_researcher(const std::function<void(AuthorshipAttribution&&)>& visit) {
  return guarded([&]() -> Status {
    auto stmt = db_.prepare_scan(
        "SELECT authorship_id, researcher_id, strength, evidence FROM researcher_authorships "
        "ORDER BY researcher_id, authorship_id");
    while (stmt.step()) visit(read_attribution(stmt));
    return Ok{};
  });
}

}  // namespace bzpeer::store::sql

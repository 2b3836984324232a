#include "store/postgres/pg_work_writer.hpp"

#include <algorithm>
#include <string>
#include <unordered_set>

#include "store/sql/authorship_key.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sql/sql_work_writer.hpp"
#include "store/sql/work_rows.hpp"

namespace bzpeer::store::postgres {

namespace {

using sql::Statement;

const std::string kSlots = std::to_string(sql::kAuthorSlotsPerWork);

class PgWorkWriter final : public WorkWriter {
 public:
  explicit PgWorkWriter(sql::Connection& db) : db_(db), row_by_row_(db) {}

  Result<UpsertCounts> upsert_works(const std::vector<model::Work>& works) override {
    // The set statements below take each external id once; a batch that repeats one
    // (rare: a source listing a record twice) keeps the row-at-a-time order of effects.
    if (has_repeated_ids(works)) return row_by_row_.upsert_works(works);
    return sql::guarded([&]() -> Result<UpsertCounts> {
      sql::Transaction tx(db_);
      const std::int64_t batch_revision = next_revision();
      if (all_new(works)) {
        copy_new(works, batch_revision);
        tx.commit();
        return UpsertCounts{works.size(), 0, 0};
      }
      stage(works);
      UpsertCounts counts = count_changes();
      if (counts.inserted + counts.updated > 0) merge(batch_revision, counts.updated > 0);
      tx.commit();
      return counts;
    });
  }

 private:
  static bool has_repeated_ids(const std::vector<model::Work>& works) {
    std::unordered_set<std::string_view> seen;
    for (const auto& w : works)
      if (!seen.insert(w.external_id).second) return true;
    return false;
  }

  std::int64_t next_revision() {
    auto revision = db_.prepare("UPDATE catalog_meta SET value = value + 1 WHERE key = 'works_revision' RETURNING value");
    revision.step();
    return revision.column_int(0);
  }

  // True when the catalog has none of `works` (a first ingest), whose authors each have
  // a position of their own within the work's slots: such a batch can be copied in
  // without a merge. Only the external ids are staged to ask.
  bool all_new(const std::vector<model::Work>& works) {
    std::unordered_set<int> positions;  // of one work's authors
    for (const auto& w : works) {
      positions.clear();
      for (const auto& a : w.authors)
        if (a.position < 0 || a.position >= sql::kAuthorSlotsPerWork || !positions.insert(a.position).second) return false;
    }
    auto keys = sql::staging_table(db_, "stage_keys", {"external_id TEXT"});
    for (const auto& w : works) keys->add_row({w.external_id});
    keys->finish();
    auto known = db_.prepare("SELECT EXISTS (SELECT 1 FROM stage_keys k JOIN works w ON w.external_id = k.external_id)");
    known.step();
    return known.column_int(0) == 0;
  }

  // New works copied straight into their tables, with ids drawn from the works sequence
  // in the batch's order (the ids the merge, and SQLite, would give them) and their
  // authorships keyed by those ids: no staging, join or sort of the rows themselves,
  // which took about half of a merge's time in the server.
  void copy_new(const std::vector<model::Work>& works, std::int64_t revision) {
    auto draw = db_.prepare("SELECT nextval(pg_get_serial_sequence('works', 'id')) FROM generate_series(1, ?1)");
    draw.bind(1, static_cast<std::int64_t>(works.size()));
    std::vector<std::int64_t> ids;
    ids.reserve(works.size());
    while (draw.step()) ids.push_back(draw.column_int(0));
    std::sort(ids.begin(), ids.end());
    const std::string batch_revision = std::to_string(revision);
    auto work_rows = db_.bulk_insert("works", {"id", "external_id", "source", "type", "title", "abstract", "year", "date",
                                               "venue", "categories", "doi", "url", "content_hash", "revision", "cited"});
    for (size_t i = 0; i < works.size(); ++i) {
      const model::Work& w = works[i];
      const std::string id = std::to_string(ids[i]), year = std::to_string(w.year),
                        hash = std::to_string(sql::content_hash(w)), categories = sql::join_with_spaces(w.categories),
                        cited = sql::join_with_spaces(w.cited);
      work_rows->add_row({id, w.external_id, w.source, w.type, w.title, w.abstract, year, w.date, w.venue, categories,
                          w.doi, w.url, hash, batch_revision, cited});
    }
    work_rows->finish();
    auto author_rows = db_.bulk_insert("authorships", {"id", "work_id", "position", "raw_name", "first", "last",
                                                       "affiliation", "email", "orcid", "source_person_id"});
    for (size_t i = 0; i < works.size(); ++i)
      for (const auto& a : works[i].authors) {
        const std::string key = std::to_string(ids[i] * sql::kAuthorSlotsPerWork + a.position),
                          work_id = std::to_string(ids[i]), position = std::to_string(a.position);
        author_rows->add_row({key, work_id, position, a.raw_name, a.first, a.last, a.affiliation, a.email, a.orcid,
                              a.source_person_id});
      }
    author_rows->finish();
  }

  // The batch staged whole for the merge (seq: the batch's order, in which new works
  // take their ids, as row by row).
  void stage(const std::vector<model::Work>& works) {
    auto work_rows = sql::staging_table(
        db_, "stage_works",
        {"external_id TEXT PRIMARY KEY", "source TEXT", "type TEXT", "title TEXT", "abstract TEXT", "year BIGINT",
         "date TEXT", "venue TEXT", "categories TEXT", "doi TEXT", "url TEXT", "content_hash BIGINT", "cited TEXT",
         "author_count BIGINT", "seq BIGINT"});
    for (size_t i = 0; i < works.size(); ++i) {
      const model::Work& w = works[i];
      const std::string year = std::to_string(w.year), hash = std::to_string(sql::content_hash(w)),
                        categories = sql::join_with_spaces(w.categories), cited = sql::join_with_spaces(w.cited),
                        authors = std::to_string(w.authors.size()), seq = std::to_string(i);
      work_rows->add_row({w.external_id, w.source, w.type, w.title, w.abstract, year, w.date, w.venue, categories, w.doi,
                          w.url, hash, cited, authors, seq});
    }
    work_rows->finish();
    auto author_rows = sql::staging_table(db_, "stage_authorships",
                                          {"external_id TEXT", "position BIGINT", "raw_name TEXT", "first TEXT",
                                           "last TEXT", "affiliation TEXT", "email TEXT", "orcid TEXT",
                                           "source_person_id TEXT"});
    for (const auto& w : works)
      for (const auto& a : w.authors) {
        const std::string position = std::to_string(a.position);
        author_rows->add_row({w.external_id, position, a.raw_name, a.first, a.last, a.affiliation, a.email, a.orcid,
                              a.source_person_id});
      }
    author_rows->finish();
  }

  UpsertCounts count_changes() {
    auto stmt = db_.prepare(
        "SELECT count(*) FILTER (WHERE w.id IS NULL), count(*) FILTER (WHERE w.content_hash <> s.content_hash), "
        "count(*) FILTER (WHERE w.content_hash = s.content_hash) FROM stage_works s "
        "LEFT JOIN works w ON w.external_id = s.external_id");
    stmt.step();
    return {static_cast<std::uint64_t>(stmt.column_int(0)), static_cast<std::uint64_t>(stmt.column_int(1)),
            static_cast<std::uint64_t>(stmt.column_int(2))};
  }

  // New and changed works take the batch's revision; their authorships are upserted by
  // key (in the same statement, joined by the ids the works returned, not looked up
  // again) and those past a changed work's new last author removed.
  void merge(std::int64_t revision, bool updated_some) {
    // A batch of new works only (a first ingest) skips the update, whose join the
    // planner runs as a scan of every work: 51 of 224 ms a batch at 100,000 works, more
    // as the catalog grows. The sort of the new works by batch order gets the memory
    // not to spill to disk.
    db_.exec("SET LOCAL work_mem = '64MB'");
    const std::string changed =
        updated_some
            ? " UPDATE works w SET source = s.source, type = s.type, title = s.title, abstract = s.abstract, "
              " year = s.year, date = s.date, venue = s.venue, categories = s.categories, doi = s.doi, url = s.url, "
              " content_hash = s.content_hash, revision = CAST(?1 AS BIGINT), cited = s.cited FROM stage_works s "
              " WHERE w.external_id = s.external_id AND w.content_hash <> s.content_hash RETURNING w.id, w.external_id"
            : " SELECT CAST(NULL AS BIGINT) AS id, CAST(NULL AS TEXT) AS external_id WHERE false";
    auto stmt = db_.prepare(
        // Changed works are updated and new ones inserted apart: an INSERT ... ON CONFLICT
        // would draw an id from the sequence for every row it updates, and ids would
        // no longer be those SQLite gives the same records.
        "WITH changed AS (" + changed + "), "
        "fresh AS ("
        " INSERT INTO works(external_id, source, type, title, abstract, year, date, venue, categories, doi, url, "
        " content_hash, revision, cited) "
        " SELECT s.external_id, s.source, s.type, s.title, s.abstract, s.year, s.date, s.venue, s.categories, s.doi, "
        " s.url, s.content_hash, CAST(?1 AS BIGINT), s.cited FROM stage_works s "
        " WHERE NOT EXISTS (SELECT 1 FROM works w WHERE w.external_id = s.external_id) ORDER BY s.seq "
        " RETURNING id, external_id), "
        "upserted AS (SELECT id, external_id FROM changed UNION ALL SELECT id, external_id FROM fresh), "
        "authors AS ("
        " INSERT INTO authorships(id, work_id, position, raw_name, first, last, affiliation, email, orcid, "
        " source_person_id) "
        " SELECT u.id * " + kSlots + " + a.position, u.id, a.position, a.raw_name, a.first, a.last, a.affiliation, "
        " a.email, a.orcid, a.source_person_id FROM stage_authorships a JOIN upserted u ON u.external_id = a.external_id "
        " ON CONFLICT (id) DO UPDATE SET raw_name = excluded.raw_name, first = excluded.first, last = excluded.last, "
        " affiliation = excluded.affiliation, email = excluded.email, orcid = excluded.orcid, "
        " source_person_id = excluded.source_person_id) "
        "SELECT count(*) FROM upserted");
    stmt.bind(1, revision).run();
    if (!updated_some) return;  // a new work has no authorships past its last
    auto trim = db_.prepare(
        "DELETE FROM authorships x USING works w, stage_works s WHERE w.external_id = s.external_id "
        "AND w.revision = ?1 AND x.id >= w.id * " + kSlots + " + s.author_count AND x.id < (w.id + 1) * " + kSlots);
    trim.bind(1, revision).run();
  }

  sql::Connection& db_;
  sql::SqlWorkWriter row_by_row_;
};

}  // namespace

std::unique_ptr<WorkWriter> make_pg_work_writer(sql::Connection& db) { return std::make_unique<PgWorkWriter>(db); }

}  // namespace bzpeer::store::postgres

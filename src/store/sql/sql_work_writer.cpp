#include "store/sql/sql_work_writer.hpp"

#include "core/text.hpp"
#include "store/sql/authorship_key.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sql/work_rows.hpp"

namespace bzpeer::store::sql {

std::int64_t content_hash(const model::Work& w) {
  std::string all;
  for (const std::string* field : {&w.source, &w.type, &w.title, &w.abstract, &w.date, &w.venue, &w.doi, &w.url})
    all += *field + '\x1f';
  all += std::to_string(w.year) + '\x1f' + join_with_spaces(w.categories) + '\x1e';
  if (!w.cited.empty()) all += join_with_spaces(w.cited) + '\x1e';  // (so works without references hash as before)
  for (const auto& a : w.authors)
    all += a.raw_name + '\x1f' + a.first + '\x1f' + a.last + '\x1f' + a.affiliation + '\x1f' + a.email + '\x1f' +
           a.orcid + '\x1f' + a.source_person_id + '\x1e';
  return static_cast<std::int64_t>(text::stable_hash(all));
}

Result<UpsertCounts> SqlWorkWriter::upsert_works(const std::vector<model::Work>& works) {
  return guarded([&]() -> Result<UpsertCounts> {
    prepare();
    UpsertCounts counts;
    Transaction tx(db_);
    // One revision per batch: search re-indexes what changed after the revision it saw.
    next_revision_.step();
    std::int64_t revision = next_revision_.column_int(0);
    next_revision_.reset();
    for (const auto& w : works) {
      std::int64_t hash = content_hash(w);
      find_work_.bind_static(1, w.external_id);
      std::int64_t id = 0;
      bool found = find_work_.step();
      bool same = found && find_work_.column_int(1) == hash;
      if (found) id = find_work_.column_int(0);
      find_work_.reset();
      if (same) {
        ++counts.unchanged;
        continue;
      }
      Statement& write = found ? update_work_ : insert_work_;
      write.bind_static(1, w.external_id)
          .bind_static(2, w.source)
          .bind_static(3, w.type)
          .bind_static(4, w.title)
          .bind_static(5, w.abstract)
          .bind(6, w.year)
          .bind_static(7, w.date)
          .bind_static(8, w.venue)
          .bind(9, join_with_spaces(w.categories))
          .bind_static(10, w.doi)
          .bind_static(11, w.url)
          .bind(12, hash)
          .bind(13, revision)
          .bind(14, join_with_spaces(w.cited));
      if (found) {
        write.run();
      } else {
        write.step();  // INSERT ... RETURNING id
        id = write.column_int(0);
        write.reset();
      }
      for (const auto& a : w.authors) {
        upsert_authorship_.bind(1, authorship_key(id, a.position))
            .bind(2, id)
            .bind(3, a.position)
            .bind_static(4, a.raw_name)
            .bind_static(5, a.first)
            .bind_static(6, a.last)
            .bind_static(7, a.affiliation)
            .bind_static(8, a.email)
            .bind_static(9, a.orcid)
            .bind_static(10, a.source_person_id);
        upsert_authorship_.run();
      }
      if (found) {
        const AuthorshipRange slots = authorship_range(id);
        trim_authorships_.bind(1, authorship_key(id, static_cast<int>(w.authors.size())))
            .bind(2, slots.end);
        trim_authorships_.run();
        ++counts.updated;
      } else {
        ++counts.inserted;
      }
    }
    tx.commit();
    return counts;
  });
}

void SqlWorkWriter::prepare() {
  if (find_work_) return;
  find_work_ = db_.prepare("SELECT id, content_hash FROM works WHERE external_id = ?");
  insert_work_ = db_.prepare(
      "INSERT INTO works(external_id, source, type, title, abstract, year, date, venue, categories, doi, url, "
      "content_hash, revision, cited) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) RETURNING id");
  update_work_ = db_.prepare(
      "UPDATE works SET source=?2, type=?3, title=?4, abstract=?5, year=?6, date=?7, venue=?8, categories=?9, "
      "doi=?10, url=?11, content_hash=?12, revision=?13, cited=?14 WHERE external_id=?1");
  next_revision_ = db_.prepare("UPDATE catalog_meta SET value = value + 1 WHERE key = 'works_revision' RETURNING value");
  upsert_authorship_ = db_.prepare(
      "INSERT INTO authorships(id, work_id, position, raw_name, first, last, affiliation, email, orcid, "
      "source_person_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(id) DO UPDATE SET "
      "raw_name=?4, first=?5, last=?6, affiliation=?7, email=?8, orcid=?9, source_person_id=?10");
  // The authorships past the work's new last author (it lost some).
  trim_authorships_ = db_.prepare("DELETE FROM authorships WHERE id >= ?1 AND id < ?2");
}

}  // namespace bzpeer::store::sql

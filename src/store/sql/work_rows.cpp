#include "store/sql/work_rows.hpp"

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

AuthorsReader::AuthorsReader(Connection& db)
    : stmt_(db.prepare(
          "SELECT a.raw_name, a.affiliation, COALESCE(ra.researcher_id, 0) FROM authorships a "
          "LEFT JOIN researcher_authorships ra ON ra.authorship_id = a.id "
          "WHERE a.id >= ?1 AND a.id < ?2 ORDER BY a.id")) {}

void AuthorsReader::fill(WorkSummary& work) {
  const AuthorshipRange slots = authorship_range(work.id);
  stmt_.bind(1, slots.begin).bind(2, slots.end);
  while (stmt_.step()) {
    work.authors.push_back(stmt_.column_text(0));
    work.author_affiliations.push_back(stmt_.column_text(1));
    work.author_ids.push_back(stmt_.column_id<model::ResearcherId>(2));
  }
  stmt_.reset();
}

}  // namespace bzpeer::store::sql

#include "store/sql/sql_catalog_reader.hpp"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include "core/text.hpp"
#include "store/profile_codec.hpp"
#include "store/sql/authorship_key.hpp"
#include "store/sql/result_guard.hpp"

namespace bzpeer::store::sql {

namespace {

const std::string kProfileColumns = "id, display_name, works_count, profile_json, weak_works";

model::ResearcherProfile read_profile(Statement& stmt) {
  model::ResearcherProfile p = decode_profile(stmt.column_text(3));
  p.id = stmt.column_id<model::ResearcherId>(0);
  p.display_name = stmt.column_text(1);
  p.works_count = static_cast<int>(stmt.column_int(2));
  p.weak_works = static_cast<int>(stmt.column_int(4));
  return p;
}

// A condition on `researcher_works rw`: one of the researcher's authorships of the work
// was attributed on weak evidence, and the work is (`in_list`) or is not in the list of
// works bound next. (On PostgreSQL, OFFSET 0 keeps the EXISTS a probe of each work's key
// range: as a semi-join it would scan every weak attribution of the catalog for each profile.)
std::string tied_weakly(Backend backend, bool in_list = false) {
  return "AND EXISTS (SELECT 1 FROM researcher_authorships ra WHERE " +
         authorship_of_work_sql("ra.authorship_id", "rw.work_id") +
         " AND ra.researcher_id = rw.researcher_id AND ra.strength = 'weak'" +
         (backend == Backend::postgresql ? " OFFSET 0" : "") + ") AND rw.work_id " + (in_list ? "IN (" : "NOT IN (") +
         ids_in_json(backend, "?") + ") ";
}

}  // namespace

Result<std::optional<model::ResearcherProfile>> SqlCatalogReader::profile(model::ResearcherId id) {
  return guarded([&]() -> Result<std::optional<model::ResearcherProfile>> {
    if (!profile_stmt_) profile_stmt_ = db_.prepare("SELECT " + kProfileColumns + " FROM researchers WHERE id = ?");
    profile_stmt_.bind(1, id);
    std::optional<model::ResearcherProfile> out;
    if (profile_stmt_.step()) out = read_profile(profile_stmt_);
    profile_stmt_.reset();
    return out;
  });
}

Result<std::optional<model::ResearcherId>> SqlCatalogReader::redirect(model::ResearcherId old_id) {
  return guarded([&]() -> Result<std::optional<model::ResearcherId>> {
    auto stmt = db_.prepare("SELECT new_id FROM researcher_redirects WHERE old_id = ?");
    stmt.bind(1, old_id);
    if (!stmt.step()) return std::optional<model::ResearcherId>();
    return std::optional<model::ResearcherId>(stmt.column_int(0));
  });
}

Result<std::vector<WorkSummary>> SqlCatalogReader::researcher_works(model::ResearcherId id, Page page, bool weak_only,
                                                                       const std::vector<std::int64_t>& settled) {
  return guarded([&]() -> Result<std::vector<WorkSummary>> {
    Statement& stmt = weak_only ? weak_works_stmt_ : works_stmt_;
    if (!stmt)
      stmt = db_.prepare(std::string("SELECT ") + kWorkSummaryColumns +
                         " FROM researcher_works rw JOIN works w ON w.id = rw.work_id WHERE rw.researcher_id = ? " +
                         (weak_only ? tied_weakly(db_.backend()) : "") +
                         "ORDER BY rw.year DESC, rw.date DESC, rw.work_id DESC LIMIT ? OFFSET ?");
    std::vector<WorkSummary> out;
    int limit_index = weak_only ? 3 : 2;  // the weak-only filter binds the settled list second
    stmt.bind(1, id);
    if (weak_only) stmt.bind(2, json_id_list(settled));
    stmt.bind(limit_index, page.per_page).bind(limit_index + 1, static_cast<std::int64_t>(page.page - 1) * page.per_page);
    while (stmt.step()) out.push_back(read_work_summary(stmt));
    stmt.reset();
    authors().fill(out, id);  // with each work's attribution to `id`
    return out;
  });
}

Result<std::vector<std::int64_t>> SqlCatalogReader::researcher_work_ids(model::ResearcherId id, std::size_t limit) {
  return guarded([&]() -> Result<std::vector<std::int64_t>> {
    // Prepared once: the feed asks this for each of a reader's hundreds of follows.
    if (!newest_work_ids_stmt_)
      newest_work_ids_stmt_ = db_.prepare(
          "SELECT work_id FROM researcher_works WHERE researcher_id = ? ORDER BY year DESC, date DESC, work_id DESC LIMIT ?");
    const auto most = static_cast<std::size_t>(std::numeric_limits<std::int64_t>::max());
    newest_work_ids_stmt_.bind(1, id).bind(2, static_cast<std::int64_t>(std::min(limit, most)));
    std::vector<std::int64_t> out;
    while (newest_work_ids_stmt_.step()) out.push_back(newest_work_ids_stmt_.column_int(0));
    newest_work_ids_stmt_.reset();
    return out;
  });
}

Result<int> SqlCatalogReader::count_on_profile(model::ResearcherId id, const std::vector<std::int64_t>& work_ids) {
  return guarded([&]() -> Result<int> {
    auto stmt = db_.prepare(
        "SELECT count(*) FROM researcher_works WHERE researcher_id = ? AND work_id IN (" + ids_in_json(db_.backend(), "?") + ")");
    stmt.bind(1, id).bind(2, json_id_list(work_ids));
    stmt.step();
    return static_cast<int>(stmt.column_int(0));
  });
}

Result<int> SqlCatalogReader::weak_work_count(model::ResearcherId id, const std::vector<std::int64_t>& settled) {
  return guarded([&]() -> Result<int> {
    // The count identity stored, less the settled works among those it counted (a
    // probe of each settled work, not of every work of the researcher).
    if (!weak_count_stmt_)
      weak_count_stmt_ = db_.prepare(
          "SELECT r.weak_works - (SELECT count(*) FROM researcher_works rw WHERE rw.researcher_id = r.id " +
          tied_weakly(db_.backend(), /*in_list=*/true) + ") FROM researchers r WHERE r.id = ?");
    weak_count_stmt_.bind(1, json_id_list(settled)).bind(2, id);
    int count = weak_count_stmt_.step() ? static_cast<int>(weak_count_stmt_.column_int(0)) : 0;
    weak_count_stmt_.reset();
    return count;
  });
}

Result<std::vector<model::ResearcherProfile>> SqlCatalogReader::find_researchers(const std::string& name, bool prefix,
                                                                                    int limit) {
  return guarded([&]() -> Result<std::vector<model::ResearcherProfile>> {
    std::string key = text::fold(name);
    std::vector<model::ResearcherProfile> out;
    if (key.empty()) return out;
    Statement stmt;
    if (prefix) {
      std::string upper = key;
      upper.back() = static_cast<char>(static_cast<unsigned char>(upper.back()) + 1);
      stmt = db_.prepare("SELECT " + kProfileColumns +
                         " FROM researchers WHERE name_key >= ? AND name_key < ? ORDER BY works_count DESC, name_key, id LIMIT ?");
      stmt.bind(1, key).bind(2, upper).bind(3, limit);
    } else {
      stmt = db_.prepare("SELECT " + kProfileColumns +
                         " FROM researchers WHERE name_key = ? ORDER BY works_count DESC, id LIMIT ?");
      stmt.bind(1, key).bind(2, limit);
    }
    while (stmt.step()) out.push_back(read_profile(stmt));
    return out;
  });
}

Result<std::vector<WorkSummary>> SqlCatalogReader::works_by_ids(const std::vector<std::int64_t>& ids,
                                                                 model::ResearcherId attributed_to) {
  return guarded([&]() -> Result<std::vector<WorkSummary>> {
    // One statement for the works and one for their authors, in the order asked.
    if (!work_by_id_stmt_)
      work_by_id_stmt_ = db_.prepare(std::string("SELECT ") + kWorkSummaryColumns + " FROM works w WHERE w.id IN (" +
                                     ids_in_json(db_.backend(), "?") + ")");
    work_by_id_stmt_.bind(1, json_id_list(ids));
    std::unordered_map<std::int64_t, WorkSummary> found;
    while (work_by_id_stmt_.step()) {
      WorkSummary w = read_work_summary(work_by_id_stmt_);
      found.emplace(w.id, std::move(w));
    }
    work_by_id_stmt_.reset();
    std::vector<WorkSummary> out;
    for (std::int64_t id : ids)
      if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
    authors().fill(out, attributed_to);
    return out;
  });
}

Result<std::vector<AuthorshipAttribution>> SqlCatalogReader::attributions_in_works(std::int64_t first_work,
                                                                                     std::int64_t last_work) {
  return guarded([&]() -> Result<std::vector<AuthorshipAttribution>> {
    auto stmt = db_.prepare(
        "SELECT authorship_id, researcher_id, strength, evidence FROM researcher_authorships "
        "WHERE authorship_id >= ? AND authorship_id < ? ORDER BY authorship_id");
    const AuthorshipRange slots = authorship_range(first_work, last_work);
    stmt.bind(1, slots.begin).bind(2, slots.end);
    std::vector<AuthorshipAttribution> out;
    while (stmt.step()) out.push_back(read_attribution(stmt));
    return out;
  });
}

Result<std::uint64_t> SqlCatalogReader::work_count() {
  return guarded([&]() -> Result<std::uint64_t> {
    auto stmt = db_.prepare("SELECT COUNT(*) FROM works");
    stmt.step();
    return static_cast<std::uint64_t>(stmt.column_int(0));
  });
}

Result<std::int64_t> SqlCatalogReader::works_revision() {
  return guarded([&]() -> Result<std::int64_t> { return read_works_revision(db_); });
}

AuthorsReader& SqlCatalogReader::authors() {
  if (!authors_) authors_ = std::make_unique<AuthorsReader>(db_);
  return *authors_;
}

}  // namespace bzpeer::store::sql

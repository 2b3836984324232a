#include "store/sqlite/sqlite_catalog.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "core/text.hpp"
#include "store/profile_codec.hpp"
#include "store/sqlite/db.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_profile_store.hpp"
#include "store/sqlite/sqlite_work_features.hpp"
#include "store/sqlite/work_rows.hpp"

namespace bzpeer::store::sqlite {

namespace {

// Authorship ids are work id * 8192 + position.
AuthorshipAttribution read_attribution(Statement& stmt) {
  const std::int64_t authorship = stmt.column_int(0);
  return {authorship / 8192, static_cast<int>(authorship % 8192), stmt.column_int(1), {stmt.column_text(3), stmt.column_text(2)}};
}

// Hash of every stored field: equal hashes mean a re-ingested record changed nothing.
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

// A condition on `researcher_works rw`: one of the researcher's authorships of the work
// (ids work * 8192 + position) was attributed on weak evidence.
constexpr const char* kTiedWeakly =
    "AND EXISTS (SELECT 1 FROM researcher_authorships ra WHERE ra.authorship_id >= rw.work_id * 8192 "
    "AND ra.authorship_id < (rw.work_id + 1) * 8192 AND ra.researcher_id = rw.researcher_id AND ra.strength = 'weak') "
    "AND rw.work_id NOT IN (SELECT value FROM json_each(?)) ";

// Work ids as a JSON array, bound to the json_each() of kTiedWeakly.
std::string json_id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (auto id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "]";
}

class SqliteCatalog final : public Catalog {
 public:
  SqliteCatalog(const std::string& path, bool read_only, int schema_target)
      : db_(path, read_only ? Database::Mode::read_only : Database::Mode::read_write) {
    if (!read_only) migrate(db_, schema_target);
  }

  Result<UpsertCounts> upsert_works(const std::vector<model::Work>& works) override {
    try {
      prepare_upsert();
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
        write.run();
        if (!found) id = db_.last_insert_id();
        for (const auto& a : w.authors) {
          upsert_authorship_.bind(1, id)
              .bind(2, a.position)
              .bind_static(3, a.raw_name)
              .bind_static(4, a.first)
              .bind_static(5, a.last)
              .bind_static(6, a.affiliation)
              .bind_static(7, a.email)
              .bind_static(8, a.orcid)
              .bind_static(9, a.source_person_id);
          upsert_authorship_.run();
        }
        if (found) {
          trim_authorships_.bind(1, id).bind(2, static_cast<int>(w.authors.size()));
          trim_authorships_.run();
          ++counts.updated;
        } else {
          ++counts.inserted;
        }
      }
      tx.commit();
      return counts;
    } catch (const SqliteError& e) {
      return make_error(ErrorCode::io, e.what());
    }
  }

  std::optional<model::ResearcherProfile> profile(model::ResearcherId id) override {
    if (!profile_stmt_) profile_stmt_ = db_.prepare("SELECT " + kProfileColumns + " FROM researchers WHERE id = ?");
    profile_stmt_.bind(1, id);
    std::optional<model::ResearcherProfile> out;
    if (profile_stmt_.step()) out = read_profile(profile_stmt_);
    profile_stmt_.reset();
    return out;
  }

  std::optional<model::ResearcherId> redirect(model::ResearcherId old_id) override {
    auto stmt = db_.prepare("SELECT new_id FROM researcher_redirects WHERE old_id = ?");
    stmt.bind(1, old_id);
    if (!stmt.step()) return std::nullopt;
    return stmt.column_int(0);
  }

  std::vector<WorkSummary> researcher_works(model::ResearcherId id, Page page, bool weak_only,
                                            const std::vector<std::int64_t>& settled) override {
    Statement& stmt = weak_only ? weak_works_stmt_ : works_stmt_;
    if (!stmt)
      stmt = db_.prepare(std::string("SELECT ") + kWorkSummaryColumns +
                         " FROM researcher_works rw JOIN works w ON w.id = rw.work_id WHERE rw.researcher_id = ? " +
                         (weak_only ? kTiedWeakly : "") +
                         "ORDER BY rw.year DESC, rw.date DESC, rw.work_id DESC LIMIT ? OFFSET ?");
    std::vector<WorkSummary> out;
    int limit_index = weak_only ? 3 : 2;  // the weak-only filter binds the settled list second
    stmt.bind(1, id);
    if (weak_only) stmt.bind(2, json_id_list(settled));
    stmt.bind(limit_index, page.per_page).bind(limit_index + 1, static_cast<std::int64_t>(page.page - 1) * page.per_page);
    while (stmt.step()) out.push_back(read_work_summary(stmt));
    stmt.reset();
    for (auto& w : out) authors().fill(w);
    fill_attributions(id, out);
    return out;
  }

  int count_on_profile(model::ResearcherId id, const std::vector<std::int64_t>& work_ids) override {
    auto stmt = db_.prepare(
        "SELECT count(*) FROM researcher_works WHERE researcher_id = ? AND work_id IN (SELECT value FROM json_each(?))");
    stmt.bind(1, id).bind(2, json_id_list(work_ids));
    stmt.step();
    return static_cast<int>(stmt.column_int(0));
  }

  std::vector<std::int64_t> researcher_work_ids(model::ResearcherId id, size_t limit) override {
    // Prepared once: the feed asks this for each of a reader's hundreds of follows.
    if (!newest_work_ids_stmt_)
      newest_work_ids_stmt_ = db_.prepare(
          "SELECT work_id FROM researcher_works WHERE researcher_id = ? ORDER BY year DESC, date DESC, work_id DESC LIMIT ?");
    newest_work_ids_stmt_.bind(1, id).bind(2, static_cast<std::int64_t>(limit));
    std::vector<std::int64_t> out;
    while (newest_work_ids_stmt_.step()) out.push_back(newest_work_ids_stmt_.column_int(0));
    newest_work_ids_stmt_.reset();
    return out;
  }

  int weak_work_count(model::ResearcherId id, const std::vector<std::int64_t>& settled) override {
    if (!weak_count_stmt_)
      weak_count_stmt_ =
          db_.prepare(std::string("SELECT count(*) FROM researcher_works rw WHERE rw.researcher_id = ? ") + kTiedWeakly);
    weak_count_stmt_.bind(1, id).bind(2, json_id_list(settled));
    weak_count_stmt_.step();
    int count = static_cast<int>(weak_count_stmt_.column_int(0));
    weak_count_stmt_.reset();
    return count;
  }

  void fill_attributions(model::ResearcherId id, std::vector<WorkSummary>& works) override {
    // Authorship ids are work id * 8192 + position: the work's slots are one id range.
    if (!attribution_stmt_)
      attribution_stmt_ = db_.prepare(
          "SELECT evidence, strength FROM researcher_authorships WHERE authorship_id >= ?1 * 8192 "
          "AND authorship_id < (?1 + 1) * 8192 AND researcher_id = ?2 LIMIT 1");
    for (auto& w : works) {
      attribution_stmt_.bind(1, w.id).bind(2, id);
      if (attribution_stmt_.step()) {
        w.attribution = attribution_stmt_.column_text(0);
        w.attribution_strength = attribution_stmt_.column_text(1);
      }
      attribution_stmt_.reset();
    }
  }

  std::vector<model::ResearcherProfile> find_researchers(const std::string& name, bool prefix, int limit) override {
    std::string key = text::fold(name);
    std::vector<model::ResearcherProfile> out;
    if (key.empty()) return out;
    Statement stmt;
    if (prefix) {
      std::string upper = key;
      upper.back() = static_cast<char>(static_cast<unsigned char>(upper.back()) + 1);
      stmt = db_.prepare("SELECT " + kProfileColumns +
                         " FROM researchers WHERE name_key >= ? AND name_key < ? ORDER BY works_count DESC LIMIT ?");
      stmt.bind(1, key).bind(2, upper).bind(3, limit);
    } else {
      stmt = db_.prepare("SELECT " + kProfileColumns +
                         " FROM researchers WHERE name_key = ? ORDER BY works_count DESC LIMIT ?");
      stmt.bind(1, key).bind(2, limit);
    }
    while (stmt.step()) out.push_back(read_profile(stmt));
    return out;
  }

  IdentityStore& identity() override { return identity_; }
  ProfileStore& profiles() override { return profiles_; }
  WorkFeatureStore& features() override { return features_; }

  // The graph's and the feed's whole reads (Catalog's), through the faces' readers.
  void for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t)>& visit) override {
    if (auto read = profiles_.for_each_researcher_work(visit); !read) throw SqliteError(read.error().message);
  }
  void for_each_researcher(const std::function<void(model::ResearcherId, const std::string&)>& visit) override {
    if (auto read = profiles_.for_each_researcher(visit); !read) throw SqliteError(read.error().message);
  }
  void for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) override {
    if (auto read = identity_.for_each_authorship(visit); !read) throw SqliteError(read.error().message);
  }
  void for_each_work(const std::function<void(WorkRow&&)>& visit) override {
    if (auto read = identity_.for_each_work(visit); !read) throw SqliteError(read.error().message);
  }

  std::int64_t works_revision() override {
    auto stmt = db_.prepare("SELECT value FROM catalog_meta WHERE key = 'works_revision'");
    return stmt.step() ? stmt.column_int(0) : 0;
  }

  void for_each_work_since(std::int64_t revision, const std::function<void(WorkSummary&&)>& visit) override {
    auto stmt = db_.prepare(std::string("SELECT ") + kWorkSummaryColumns + " FROM works w WHERE w.revision > ? ORDER BY w.id");
    stmt.bind(1, revision);
    AuthorsReader reader(db_);
    while (stmt.step()) {
      WorkSummary w = read_work_summary(stmt);
      reader.fill(w);
      visit(std::move(w));
    }
  }

  std::vector<WorkSummary> works_by_ids(const std::vector<std::int64_t>& ids) override {
    if (!work_by_id_stmt_)
      work_by_id_stmt_ = db_.prepare(std::string("SELECT ") + kWorkSummaryColumns + " FROM works w WHERE w.id = ?");
    std::vector<WorkSummary> out;
    for (std::int64_t id : ids) {
      work_by_id_stmt_.bind(1, id);
      if (work_by_id_stmt_.step()) {
        out.push_back(read_work_summary(work_by_id_stmt_));
        authors().fill(out.back());
      }
      work_by_id_stmt_.reset();
    }
    return out;
  }

  std::vector<AuthorshipAttribution> attributions_in_works(std::int64_t first_work, std::int64_t last_work) override {
    auto stmt = db_.prepare(
        "SELECT authorship_id, researcher_id, strength, evidence FROM researcher_authorships "
        "WHERE authorship_id >= ? * 8192 AND authorship_id < (? + 1) * 8192 ORDER BY authorship_id");
    stmt.bind(1, first_work).bind(2, last_work);
    std::vector<AuthorshipAttribution> out;
    while (stmt.step()) out.push_back(read_attribution(stmt));
    return out;
  }

  void for_each_attribution_by_researcher(const std::function<void(AuthorshipAttribution&&)>& visit) override {
    auto stmt = db_.prepare(
        "SELECT authorship_id, researcher_id, strength, evidence FROM researcher_authorships ORDER BY researcher_id, authorship_id");
    while (stmt.step()) visit(read_attribution(stmt));
  }

  std::vector<std::int64_t> researcher_work_ids(model::ResearcherId id) override {
    auto stmt = db_.prepare("SELECT work_id FROM researcher_works WHERE researcher_id = ? ORDER BY work_id");
    stmt.bind(1, id);
    std::vector<std::int64_t> out;
    while (stmt.step()) out.push_back(stmt.column_int(0));
    return out;
  }

  void for_each_researcher_for_search(const std::function<void(ResearcherSearchRow&&)>& visit) override {
    // SQLite's JSON functions pick the few fields out without decoding whole profiles.
    auto stmt = db_.prepare(
        "SELECT id, display_name, works_count, COALESCE(json_extract(profile_json, '$.affiliation'), ''), "
        "(SELECT group_concat(json_extract(t.value, '$.name'), char(31)) FROM json_each(profile_json, '$.topics') t) "
        "FROM researchers ORDER BY id");
    while (stmt.step()) {
      ResearcherSearchRow row;
      row.id = stmt.column_int(0);
      row.display_name = stmt.column_text(1);
      row.works_count = static_cast<int>(stmt.column_int(2));
      row.affiliation = stmt.column_text(3);
      row.topics = text::split(stmt.column_text(4), '\x1f');
      visit(std::move(row));
    }
  }

  void for_each_name_variant(
      const std::function<void(model::ResearcherId, const std::string&)>& visit) override {
    auto stmt = db_.prepare(
        "SELECT DISTINCT ra.researcher_id, a.raw_name FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id");
    while (stmt.step()) visit(stmt.column_int(0), stmt.column_text(1));
  }

  void for_each_topic(const std::function<void(model::TopicSummary&&)>& visit) override {
    auto stmt = db_.prepare("SELECT id, label, works_count, researchers_count FROM topics ORDER BY id");
    while (stmt.step())
      visit({stmt.column_text(0), stmt.column_text(1), static_cast<int>(stmt.column_int(2)),
             static_cast<int>(stmt.column_int(3))});
  }

  void for_each_researcher_affiliation(
      const std::function<void(model::ResearcherId, const std::string&, int)>& visit) override {
    auto stmt = db_.prepare(
        "SELECT ra.researcher_id, a.affiliation, COUNT(*) FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id WHERE a.affiliation != '' GROUP BY 1, 2");
    while (stmt.step()) visit(stmt.column_int(0), stmt.column_text(1), static_cast<int>(stmt.column_int(2)));
  }

  std::uint64_t work_count() override {
    auto stmt = db_.prepare("SELECT COUNT(*) FROM works");
    stmt.step();
    return static_cast<std::uint64_t>(stmt.column_int(0));
  }

  int schema_version() override { return sqlite::schema_version(db_); }

 private:
  inline static const std::string kProfileColumns = "id, display_name, works_count, profile_json";

  static model::ResearcherProfile read_profile(Statement& stmt) {
    model::ResearcherProfile p = decode_profile(stmt.column_text(3));
    p.id = stmt.column_int(0);
    p.display_name = stmt.column_text(1);
    p.works_count = static_cast<int>(stmt.column_int(2));
    return p;
  }

  AuthorsReader& authors() {
    if (!authors_) authors_ = std::make_unique<AuthorsReader>(db_);
    return *authors_;
  }

  void prepare_upsert() {
    if (find_work_) return;
    find_work_ = db_.prepare("SELECT id, content_hash FROM works WHERE external_id = ?");
    insert_work_ = db_.prepare(
        "INSERT INTO works(external_id, source, type, title, abstract, year, date, venue, categories, doi, url, "
        "content_hash, revision, cited) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    update_work_ = db_.prepare(
        "UPDATE works SET source=?2, type=?3, title=?4, abstract=?5, year=?6, date=?7, venue=?8, categories=?9, "
        "doi=?10, url=?11, content_hash=?12, revision=?13, cited=?14 WHERE external_id=?1");
    next_revision_ = db_.prepare("UPDATE catalog_meta SET value = value + 1 WHERE key = 'works_revision' RETURNING value");
    upsert_authorship_ = db_.prepare(
        "INSERT INTO authorships(id, work_id, position, raw_name, first, last, affiliation, email, orcid, "
        "source_person_id) VALUES (?1 * 8192 + ?2, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT(id) DO UPDATE SET "
        "raw_name=?3, first=?4, last=?5, affiliation=?6, email=?7, orcid=?8, source_person_id=?9");
    trim_authorships_ = db_.prepare("DELETE FROM authorships WHERE id >= ?1 * 8192 + ?2 AND id < (?1 + 1) * 8192");
  }

  Database db_;
  SqliteIdentityStore identity_{db_};
  SqliteProfileStore profiles_{db_};
  SqliteWorkFeatures features_{db_};
  Statement find_work_, insert_work_, update_work_, upsert_authorship_, trim_authorships_;
  Statement profile_stmt_, works_stmt_, weak_works_stmt_, weak_count_stmt_, attribution_stmt_, work_by_id_stmt_,
      next_revision_, newest_work_ids_stmt_;
  std::unique_ptr<AuthorsReader> authors_;
};

}  // namespace

std::unique_ptr<Catalog> open_sqlite_catalog(const std::string& path, bool read_only, int schema_target) {
  return std::make_unique<SqliteCatalog>(path, read_only, schema_target);
}

}  // namespace bzpeer::store::sqlite

namespace bzpeer::store {

Result<std::unique_ptr<Catalog>> open_catalog(const std::string& data_dir, bool read_only) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir(data_dir);
  if (read_only) {
    if (!fs::exists(dir / "catalog.sqlite"))
      return make_error(ErrorCode::not_found, "no catalog at " + (dir / "catalog.sqlite").string() +
                                                  ": run `bzpeer ingest` and `bzpeer build` first");
  } else if (!fs::create_directories(dir, ec) && ec) {
    return make_error(ErrorCode::io, "cannot create data directory " + data_dir + ": " + ec.message());
  }
  try {
    return sqlite::open_sqlite_catalog((dir / "catalog.sqlite").string(), read_only);
  } catch (const sqlite::SqliteError& e) {
    return make_error(ErrorCode::io, e.what());
  }
}

}  // namespace bzpeer::store

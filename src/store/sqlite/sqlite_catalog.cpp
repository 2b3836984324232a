#include "store/sqlite/sqlite_catalog.hpp"

#include <filesystem>
#include <memory>

#include "store/sqlite/db.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_catalog_reader.hpp"
#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_index_source.hpp"
#include "store/sqlite/sqlite_profile_store.hpp"
#include "store/sqlite/sqlite_work_features.hpp"
#include "store/sqlite/sqlite_work_writer.hpp"

namespace bzpeer::store::sqlite {

namespace {

// One connection and its faces: each face prepares its own statements on it.
class SqliteCatalog final : public Catalog {
 public:
  SqliteCatalog(const std::string& path, bool read_only, int schema_target)
      : db_(path, read_only ? Database::Mode::read_only : Database::Mode::read_write) {
    if (!read_only) migrate(db_, schema_target);
  }

  WorkWriter& writer() override { return writer_; }
  IdentityStore& identity() override { return identity_; }
  ProfileStore& profiles() override { return profiles_; }
  IndexSource& index_source() override { return index_source_; }
  WorkFeatureStore& features() override { return features_; }
  CatalogReader& reader() override { return reader_; }
  int schema_version() override { return sqlite::schema_version(db_); }

 private:
  Database db_;
  SqliteWorkWriter writer_{db_};
  SqliteIdentityStore identity_{db_};
  SqliteProfileStore profiles_{db_};
  SqliteIndexSource index_source_{db_};
  SqliteWorkFeatures features_{db_};
  SqliteCatalogReader reader_{db_};
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

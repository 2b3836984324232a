// Chooses the backend by where the catalog lives: a directory is SQLite, a URL is
// PostgreSQL. Nothing above store/ knows which one runs.
#include <filesystem>

#include "store/account_store.hpp"
#include "store/build_queue.hpp"
#include "store/catalog.hpp"
#include "store/postgres/pg_catalog.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sqlite/sqlite_catalog.hpp"

namespace bzpeer::store {

namespace {

namespace fs = std::filesystem;

Status make_data_dir(const std::string& data_dir) {
  std::error_code ec;
  if (!fs::create_directories(data_dir, ec) && ec)
    return make_error(ErrorCode::io, "cannot create data directory " + data_dir + ": " + ec.message());
  return Ok{};
}

std::string sqlite_file(const std::string& data_dir) { return (fs::path(data_dir) / "catalog.sqlite").string(); }

}  // namespace

bool is_database_url(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Catalog>> open_catalog(const std::string& location, bool read_only) {
  using Opened = Result<std::unique_ptr<Catalog>>;
  if (is_database_url(location))
    return sql::guarded([&]() -> Opened { return postgres::open_pg_catalog(location, read_only); });
  if (read_only) {
    if (!fs::exists(sqlite_file(location)))
      return make_error(ErrorCode::not_found,
                        "no catalog at " + sqlite_file(location) + ": run `bzpeer ingest` and `bzpeer build` first");
  } else if (auto made = make_data_dir(location); !made) {
    return made.error();
  }
  return sql::guarded([&]() -> Opened { return sqlite::open_sqlite_catalog(sqlite_file(location), read_only); });
}

Result<std::unique_ptr<AccountStore>> open_account_store(const std::string& location) {
  using Opened = Result<std::unique_ptr<AccountStore>>;
  if (is_database_url(location)) return sql::guarded([&]() -> Opened { return postgres::open_pg_account_store(location); });
  if (auto made = make_data_dir(location); !made) return made.error();
  return sql::guarded([&]() -> Opened { return sqlite::open_sqlite_account_store(sqlite_file(location)); });
}

Result<std::unique_ptr<BuildQueue>> open_build_queue(const std::string& location) {
  using Opened = Result<std::unique_ptr<BuildQueue>>;
  if (!is_database_url(location))
    return make_error(ErrorCode::invalid_input,
                      "a partitioned build needs a PostgreSQL catalog (--catalog postgresql://...); "
                      "on SQLite one process builds without partitions");
  return sql::guarded([&]() -> Opened { return postgres::open_pg_build_queue(location); });
}

}  // namespace bzpeer::store

// `bzpeer backup`: SQLite's online backup API copies the catalog file (catalog and
// accounts) page by page while servers keep reading and writing it; a write during
// the copy makes it start again from the changed pages, so the copy is one consistent
// moment of the database.
#include <sqlite3.h>

#include <filesystem>
#include <memory>

#include "store/catalog.hpp"

namespace bzpeer::store {

Status backup_catalog(const std::string& location, const std::string& out_file) {
  if (is_database_url(location))
    return make_error(ErrorCode::invalid_input,
                      "a PostgreSQL catalog is backed up by its server's tools (pg_dump, or a base backup and WAL archive)");
  const std::string source = (std::filesystem::path(location) / "catalog.sqlite").string();
  if (!std::filesystem::exists(source)) return make_error(ErrorCode::not_found, "no catalog at " + source);
  if (std::filesystem::exists(out_file)) return make_error(ErrorCode::conflict, out_file + " exists: choose a new file");
  auto close = [](sqlite3* db) { sqlite3_close(db); };
  sqlite3 *from_raw = nullptr, *to_raw = nullptr;
  int rc = sqlite3_open_v2(source.c_str(), &from_raw, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, decltype(close)> from(from_raw, close);
  if (rc != SQLITE_OK) return make_error(ErrorCode::io, "cannot open " + source + ": " + sqlite3_errstr(rc));
  rc = sqlite3_open_v2(out_file.c_str(), &to_raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, decltype(close)> to(to_raw, close);
  if (rc != SQLITE_OK) return make_error(ErrorCode::io, "cannot create " + out_file + ": " + sqlite3_errstr(rc));
  sqlite3_busy_timeout(from.get(), 5000);
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) return make_error(ErrorCode::io, std::string("backup: ") + sqlite3_errmsg(to.get()));
  // A few hundred pages a step, so that writers wait for no more than a moment.
  do {
    rc = sqlite3_backup_step(backup, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::filesystem::remove(out_file);
    return make_error(ErrorCode::io, std::string("backup of ") + source + " failed: " + sqlite3_errstr(rc));
  }
  return Ok{};
}

}  // namespace bzpeer::store

#include "store/sqlite/sqlite_catalog.hpp"

#include "store/sql/sql_catalog.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace bzpeer::store::sqlite {

std::unique_ptr<Catalog> open_sqlite_catalog(const std::string& path, bool read_only, int schema_target) {
  auto db = open_connection(path, read_only ? Mode::read_only : Mode::read_write);
  if (!read_only) migrate(*db, schema_target);
  int version = schema_version(*db);
  return sql::make_catalog(std::move(db), version);
}

std::unique_ptr<AccountStore> open_sqlite_account_store(const std::string& path) {
  auto db = open_connection(path, Mode::read_write);
  migrate(*db);
  // An acknowledged account write survives a crash of the machine too.
  db->exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;");
  return sql::make_account_store(std::move(db));
}

}  // namespace bzpeer::store::sqlite

#include "store/postgres/pg_catalog.hpp"

#include "store/postgres/migrations.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_work_writer.hpp"
#include "store/sql/sql_catalog.hpp"

namespace bzpeer::store::postgres {

namespace {

// Name prefixes are key ranges and every pass is ordered by its text keys, as SQLite
// orders them: byte by byte. A database whose collation follows a language would order
// (and match prefixes) differently, so it is refused rather than served subtly wrong.
void require_byte_collation(sql::Connection& db) {
  auto collation = db.prepare("SELECT datcollate FROM pg_database WHERE datname = current_database()");
  std::string name = collation.step() ? collation.column_text(0) : "";
  if (name != "C" && name != "POSIX" && name.rfind("C.", 0) != 0)
    throw sql::DatabaseError("the catalog database has collation '" + name +
                             "'; create it with LC_COLLATE 'C' (CREATE DATABASE ... TEMPLATE template0 LC_COLLATE 'C')");
}

}  // namespace

std::unique_ptr<Catalog> open_pg_catalog(const std::string& url, bool read_only) {
  auto db = open_connection(url);
  require_byte_collation(*db);
  if (!read_only) migrate(*db);
  int version = schema_version(*db);
  if (version != latest_schema_version())
    throw sql::DatabaseError("the catalog database has schema version " + std::to_string(version) + ", not " +
                             std::to_string(latest_schema_version()) + ": run `bzpeer ingest` or `bzpeer build` on it first");
  return sql::make_catalog(std::move(db), version, make_pg_work_writer);
}

std::unique_ptr<AccountStore> open_pg_account_store(const std::string& url) {
  auto db = open_connection(url);
  migrate(*db);
  return sql::make_account_store(std::move(db));
}

}  // namespace bzpeer::store::postgres

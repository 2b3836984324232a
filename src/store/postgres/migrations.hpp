#pragma once
// Versioned schema for PostgreSQL, as sqlite/migrations for SQLite: each migration
// runs in one transaction under an advisory lock (two servers starting at once migrate
// once), and schema_migrations records where the database stands.
#include "store/sql/connection.hpp"

namespace bzpeer::store::postgres {

int latest_schema_version();
void migrate(sql::Connection& db, int target = -1);
int schema_version(sql::Connection& db);

}  // namespace bzpeer::store::postgres

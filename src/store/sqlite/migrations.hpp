#pragma once
// Versioned schema: each migration moves the catalog from version N-1 to N inside
// one transaction; PRAGMA user_version records where a file stands.
#include "store/sql/connection.hpp"

namespace bzpeer::store::sqlite {

int latest_schema_version();
// Applies every migration above the file's version, up to `target` (default: latest).
void migrate(sql::Connection& db, int target = -1);
int schema_version(sql::Connection& db);

}  // namespace bzpeer::store::sqlite

#pragma once
// Versioned schema: each migration moves the catalog from version N-1 to N inside
// one transaction; PRAGMA user_version records where a file stands.
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

int latest_schema_version();
// Applies every migration above the file's version, up to `target` (default: latest).
void migrate(Database& db, int target = -1);
int schema_version(Database& db);

}  // namespace bzpeer::store::sqlite

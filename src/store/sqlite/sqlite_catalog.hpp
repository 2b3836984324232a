#pragma once
#include <memory>
#include <string>

#include "store/catalog.hpp"

namespace bzpeer::store::sqlite {

// Opens the SQLite catalog file at `path`, migrating it up to `schema_target`
// (-1: latest). Tests use an older target to exercise migrations.
std::unique_ptr<Catalog> open_sqlite_catalog(const std::string& path, bool read_only, int schema_target = -1);

}  // namespace bzpeer::store::sqlite

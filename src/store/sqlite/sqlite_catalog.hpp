#pragma once
// The embedded default: the catalog and the account store in DATA/catalog.sqlite.
#include <memory>
#include <string>

#include "store/account_store.hpp"
#include "store/catalog.hpp"

namespace bzpeer::store::sqlite {

// Opens the SQLite catalog file at `path`, migrating it up to `schema_target`
// (-1: latest). Tests use an older target to exercise migrations. Throws
// sql::DatabaseError.
std::unique_ptr<Catalog> open_sqlite_catalog(const std::string& path, bool read_only, int schema_target = -1);
// The account store's own connection to the same file, durable at every commit.
std::unique_ptr<AccountStore> open_sqlite_account_store(const std::string& path);

}  // namespace bzpeer::store::sqlite

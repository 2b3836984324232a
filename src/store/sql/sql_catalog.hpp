#pragma once
// The catalog's faces and the account store, written once over a sql::Connection; the
// backend's opener (store/open_store.cpp) hands them a connection it has migrated.
#include <memory>

#include "store/account_store.hpp"
#include "store/catalog.hpp"
#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

std::unique_ptr<Catalog> make_catalog(std::unique_ptr<Connection> db, int schema_version);
std::unique_ptr<AccountStore> make_account_store(std::unique_ptr<Connection> db);

}  // namespace bzpeer::store::sql

#pragma once
// The catalog's faces and the account store, written once over a sql::Connection; the
// backend's opener (store/open_store.cpp) hands them a connection it has migrated.
#include <functional>
#include <memory>

#include "store/account_store.hpp"
#include "store/catalog.hpp"
#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

// The ingest face a backend writes works with (default: SqlWorkWriter).
using WorkWriterFactory = std::function<std::unique_ptr<WorkWriter>(Connection&)>;

std::unique_ptr<Catalog> make_catalog(std::unique_ptr<Connection> db, int schema_version,
                                      const WorkWriterFactory& make_writer = {});
std::unique_ptr<AccountStore> make_account_store(std::unique_ptr<Connection> db);

}  // namespace bzpeer::store::sql

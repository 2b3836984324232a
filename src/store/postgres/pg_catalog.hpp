#pragma once
// The catalog and the account store on a PostgreSQL server.
#include <memory>
#include <string>

#include "store/account_store.hpp"
#include "store/build_queue.hpp"
#include "store/catalog.hpp"

namespace bzpeer::store::postgres {

// Connects to `url` and migrates the schema (unless read_only: then it must be
// current). Throws sql::DatabaseError.
std::unique_ptr<Catalog> open_pg_catalog(const std::string& url, bool read_only);
std::unique_ptr<AccountStore> open_pg_account_store(const std::string& url);
// The partitioned build's queue, on a connection of its own.
std::unique_ptr<BuildQueue> open_pg_build_queue(const std::string& url);

}  // namespace bzpeer::store::postgres

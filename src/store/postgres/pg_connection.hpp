#pragma once
// The PostgreSQL backend of sql::Connection, through libpqxx: `?`/`?N` placeholders
// become `$N`, statements are prepared once a connection, scans read through a
// server-side cursor in batches, bulk inserts are COPY.
#include <memory>
#include <string>

#include "store/sql/connection.hpp"

namespace bzpeer::store::postgres {

// Connects to `url` (postgresql://user@host:port/db?...). Throws sql::DatabaseError.
std::unique_ptr<sql::Connection> open_connection(const std::string& url);

// The statement with SQLite-style placeholders (`?`, `?3`) rewritten as `$N`, and how
// many parameters it takes. String literals and quoted names are left alone.
struct DollarSql {
  std::string sql;
  int parameters = 0;
};
DollarSql to_dollar_placeholders(std::string_view sql);

// Bytes as BYTEA's text input takes them: hex after \x (for a parameter or a COPY field).
std::string hex_bytea(std::string_view bytes);

}  // namespace bzpeer::store::postgres

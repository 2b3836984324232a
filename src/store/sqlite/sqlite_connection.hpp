#pragma once
// The SQLite backend of sql::Connection: one file, WAL, one connection per thread.
#include <memory>
#include <string>

#include "store/sql/connection.hpp"

namespace bzpeer::store::sqlite {

enum class Mode { read_write, read_only };

// Opens (creating when read_write) the SQLite file at `path`.
std::unique_ptr<sql::Connection> open_connection(const std::string& path, Mode mode = Mode::read_write);

}  // namespace bzpeer::store::sqlite

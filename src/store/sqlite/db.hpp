#pragma once
// A thin RAII layer over the SQLite C API: a connection, prepared statements and
// transactions. SQLite errors become exceptions here and Results at the Catalog boundary.
#include <sqlite3.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/ids.hpp"

namespace bzpeer::store::sqlite {

struct SqliteError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();
  explicit operator bool() const { return stmt_ != nullptr; }

  // Binds by 1-based index; strings are copied by SQLite (SQLITE_TRANSIENT).
  Statement& bind(int index, std::string_view value);
  // Binds without a copy: `value` must stay alive and unchanged until reset().
  Statement& bind_static(int index, std::string_view value);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  template <typename Kind>
  Statement& bind(int index, model::Id<Kind> id) {
    return bind(index, id.value());
  }
  Statement& bind_null(int index);
  Statement& bind_blob(int index, std::string_view bytes);

  // Advances; true while a row is available.
  bool step();
  // Runs a statement that returns no rows, then resets it for reuse.
  void run();
  void reset();

  std::int64_t column_int(int index) const;
  // An id column as its type: column_id<model::ResearcherId>(0).
  template <typename IdType>
  IdType column_id(int index) const {
    return IdType(column_int(index));
  }
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string column_blob(int index) const;
  bool column_is_null(int index) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Mode { read_write, read_only };
  // Opens (creating when read_write) the file at `path` in WAL mode.
  Database(const std::string& path, Mode mode = Mode::read_write);
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  void exec(std::string_view sql);
  Statement prepare(std::string_view sql) { return Statement(db_, sql); }
  std::int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  sqlite3* handle() { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// Commits on commit(); rolls back when destroyed without it.
class Transaction {
 public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Database& db_;
  bool done_ = false;
};

}  // namespace bzpeer::store::sqlite

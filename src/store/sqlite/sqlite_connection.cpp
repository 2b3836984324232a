#include "store/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

namespace bzpeer::store::sqlite {

namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw sql::DatabaseError(std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

class SqliteStatement final : public sql::StatementImpl {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt_,
                           nullptr) != SQLITE_OK)
      fail(db, "prepare '" + std::string(sql.substr(0, 80)) + "'");
  }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void bind_text(int index, std::string_view value, bool copy) override {
    // An empty view may have no data pointer, which SQLite would bind as NULL.
    if (sqlite3_bind_text(stmt_, index, value.data() ? value.data() : "", static_cast<int>(value.size()),
                          copy ? SQLITE_TRANSIENT : SQLITE_STATIC) != SQLITE_OK)
      fail(db_, "bind text");
  }
  void bind_int(int index, std::int64_t value) override {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail(db_, "bind int");
  }
  void bind_double(int index, double value) override {
    if (sqlite3_bind_double(stmt_, index, value) != SQLITE_OK) fail(db_, "bind double");
  }
  void bind_null(int index) override {
    if (sqlite3_bind_null(stmt_, index) != SQLITE_OK) fail(db_, "bind null");
  }
  void bind_blob(int index, std::string_view bytes) override {
    if (sqlite3_bind_blob(stmt_, index, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT) != SQLITE_OK)
      fail(db_, "bind blob");
  }
  bool step() override {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "step");
  }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::int64_t column_int(int index) const override { return sqlite3_column_int64(stmt_, index); }
  double column_double(int index) const override { return sqlite3_column_double(stmt_, index); }
  bool column_is_null(int index) const override { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }
  std::string column_text(int index) const override {
    const auto* text = sqlite3_column_text(stmt_, index);
    if (!text) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
  }
  std::string column_blob(int index) const override {
    const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, index));
    if (!bytes) return {};
    return std::string(bytes, static_cast<size_t>(sqlite3_column_bytes(stmt_, index)));
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

// A prepared INSERT of every column, run once a row.
class SqliteBulkInsert final : public sql::BulkInsert {
 public:
  SqliteBulkInsert(sql::Connection& db, const std::string& table, const std::vector<std::string>& columns) {
    std::string names, marks;
    for (size_t i = 0; i < columns.size(); ++i) {
      names += (i ? ", " : "") + columns[i];
      marks += i ? ", ?" : "?";
    }
    insert_ = db.prepare("INSERT INTO " + table + "(" + names + ") VALUES (" + marks + ")");
  }
  void add_row(const std::vector<std::optional<std::string_view>>& values) override {
    for (size_t i = 0; i < values.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      if (values[i])
        insert_.bind_static(index, *values[i]);
      else
        insert_.bind_null(index);
    }
    insert_.run();
  }
  void finish() override {}

 private:
  sql::Statement insert_;
};

// Process-wide settings, applied once before the first connection opens.
void configure_sqlite_once() {
  static const bool done = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);  // no global allocation counter (a lock per malloc)
    return true;
  }();
  (void)done;
}

class SqliteConnection final : public sql::Connection {
 public:
  SqliteConnection(const std::string& path, Mode mode) {
    configure_sqlite_once();
    int flags = mode == Mode::read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = "open " + path + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory");
      sqlite3_close(db_);
      db_ = nullptr;
      throw sql::DatabaseError(message);
    }
    sqlite3_busy_timeout(db_, 10000);
    if (mode == Mode::read_write) {
      exec("PRAGMA page_size=16384");  // new files only: rows hold abstracts of ~1 KB
      exec("PRAGMA journal_mode=WAL");
      exec("PRAGMA synchronous=NORMAL");  // durable at checkpoints; WAL keeps the file consistent
      exec("PRAGMA foreign_keys=ON");
      exec("PRAGMA wal_autocheckpoint=16384");  // checkpoint every 64 MiB of WAL, not every 4 MiB
    }
    exec("PRAGMA cache_size=-65536");
    exec("PRAGMA temp_store=MEMORY");
  }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  sql::Backend backend() const override { return sql::Backend::sqlite; }
  void exec(std::string_view sql) override {
    char* message = nullptr;
    std::string statement(sql);
    if (sqlite3_exec(db_, statement.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw sql::DatabaseError("exec '" + statement.substr(0, 80) + "': " + text);
    }
  }
  sql::Statement prepare(std::string_view sql) override {
    return sql::Statement(std::make_unique<SqliteStatement>(db_, sql));
  }
  std::unique_ptr<sql::BulkInsert> bulk_insert(const std::string& table, const std::vector<std::string>& columns) override {
    return std::make_unique<SqliteBulkInsert>(*this, table, columns);
  }

 protected:
  void begin_outermost() override { exec("BEGIN IMMEDIATE"); }

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<sql::Connection> open_connection(const std::string& path, Mode mode) {
  return std::make_unique<SqliteConnection>(path, mode);
}

}  // namespace bzpeer::store::sqlite

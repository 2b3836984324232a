#pragma once
// What the catalog's faces need of a SQL database, so they are written once for both
// backends: a connection, prepared statements with `?`/`?N` placeholders, transactions
// and bulk loads. sqlite/ and postgres/ implement it; database errors are exceptions
// here and Results at the faces (result_guard.hpp).
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/ids.hpp"

namespace bzpeer::store::sql {

struct DatabaseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Backend { sqlite, postgresql };

// One backend's prepared statement (see Statement for what each call means).
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void bind_text(int index, std::string_view value, bool copy) = 0;
  virtual void bind_int(int index, std::int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_null(int index) = 0;
  virtual void bind_blob(int index, std::string_view bytes) = 0;
  virtual bool step() = 0;
  virtual void reset() = 0;
  virtual std::int64_t column_int(int index) const = 0;
  virtual double column_double(int index) const = 0;
  virtual std::string column_text(int index) const = 0;
  virtual std::string column_blob(int index) const = 0;
  virtual bool column_is_null(int index) const = 0;
};

class Statement {
 public:
  Statement() = default;
  explicit Statement(std::unique_ptr<StatementImpl> impl) : impl_(std::move(impl)) {}
  explicit operator bool() const { return impl_ != nullptr; }

  // Binds by 1-based index; the value is copied.
  Statement& bind(int index, std::string_view value) { return impl_->bind_text(index, value, true), *this; }
  // Binds without a copy where the backend can: `value` must stay alive until reset().
  Statement& bind_static(int index, std::string_view value) { return impl_->bind_text(index, value, false), *this; }
  Statement& bind(int index, std::int64_t value) { return impl_->bind_int(index, value), *this; }
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value) { return impl_->bind_double(index, value), *this; }
  template <typename Kind>
  Statement& bind(int index, model::Id<Kind> id) {
    return bind(index, id.value());
  }
  Statement& bind_null(int index) { return impl_->bind_null(index), *this; }
  Statement& bind_blob(int index, std::string_view bytes) { return impl_->bind_blob(index, bytes), *this; }

  // Runs the statement on the first call, then advances; true while a row is available.
  bool step() { return impl_->step(); }
  // Runs a statement that returns no rows, then resets it for reuse.
  void run() {
    impl_->step();
    impl_->reset();
  }
  // Ready to run again: bindings cleared, any open result given up.
  void reset() { impl_->reset(); }

  std::int64_t column_int(int index) const { return impl_->column_int(index); }
  // An id column as its type: column_id<model::ResearcherId>(0).
  template <typename IdType>
  IdType column_id(int index) const {
    return IdType(column_int(index));
  }
  double column_double(int index) const { return impl_->column_double(index); }
  std::string column_text(int index) const { return impl_->column_text(index); }
  std::string column_blob(int index) const { return impl_->column_blob(index); }
  bool column_is_null(int index) const { return impl_->column_is_null(index); }

 private:
  std::unique_ptr<StatementImpl> impl_;
};

// Rows appended to one table, as fast as the backend loads them (COPY on PostgreSQL,
// one prepared insert on SQLite). Values are text, nullopt for NULL; finish() sends
// what is left, inside the caller's transaction.
class BulkInsert {
 public:
  virtual ~BulkInsert() = default;
  virtual void add_row(const std::vector<std::optional<std::string_view>>& values) = 0;
  virtual void finish() = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Backend backend() const = 0;
  // Runs one or more statements without parameters or results.
  virtual void exec(std::string_view sql) = 0;
  virtual Statement prepare(std::string_view sql) = 0;
  // A statement whose rows may be many more than fit in memory: the backend hands them
  // out in batches (a server-side cursor on PostgreSQL; SQLite steps lazily anyway).
  virtual Statement prepare_scan(std::string_view sql) { return prepare(sql); }
  virtual std::unique_ptr<BulkInsert> bulk_insert(const std::string& table, const std::vector<std::string>& columns) = 0;

  // Transactions nest: the outermost begins and commits, inner ones are savepoints.
  void begin();
  void commit();
  void rollback();

 protected:
  virtual void begin_outermost() = 0;  // BEGIN (IMMEDIATE on SQLite: writers queue, not fail)
  int depth_ = 0;
};

// Commits on commit(); rolls back when destroyed without it.
class Transaction {
 public:
  explicit Transaction(Connection& db) : db_(db) { db_.begin(); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& db_;
  bool done_ = false;
};

// SQL for "the ids of a JSON array bound at placeholder `param`" (e.g. "?2"), as a
// subquery: `x IN (<this>)`.
std::string ids_in_json(Backend backend, const std::string& param);
// Work ids as the JSON array ids_in_json takes.
std::string json_id_list(const std::vector<std::int64_t>& ids);

// PostgreSQL: rows for one set statement to take at once, where a statement a row would
// be a round trip each. A temporary table of this connection (`columns`: each "name
// TYPE [constraint]"), emptied at each commit and created when missing (a rolled-back
// transaction takes it away), filled by the bulk insert returned (COPY).
std::unique_ptr<BulkInsert> staging_table(Connection& db, const std::string& table, const std::vector<std::string>& columns);

}  // namespace bzpeer::store::sql

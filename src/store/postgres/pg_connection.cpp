#include "store/postgres/pg_connection.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <pqxx/pqxx>
#include <pqxx/tablewriter>
#include <unordered_map>

#include "core/text.hpp"

namespace bzpeer::store::postgres {

DollarSql to_dollar_placeholders(std::string_view sql) {
  DollarSql out;
  char quote = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (quote) {
      out.sql += c;
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out.sql += c;
      continue;
    }
    if (c != '?') {
      out.sql += c;
      continue;
    }
    size_t end = i + 1;
    while (end < sql.size() && std::isdigit(static_cast<unsigned char>(sql[end]))) ++end;
    int index = 0;
    if (end > i + 1)
      std::from_chars(sql.data() + i + 1, sql.data() + end, index);
    else
      index = out.parameters + 1;  // as SQLite numbers a bare `?`: one past the largest so far
    out.parameters = std::max(out.parameters, index);
    out.sql += "$" + std::to_string(index);
    i = end - 1;
  }
  return out;
}

namespace {

constexpr int kScanBatch = 2000;

// libpqxx's exceptions, as the store's, naming what failed ("run" and the start of its
// SQL). The message is put together only on failure: this wraps every statement run.
[[noreturn]] void fail(std::string_view what, std::string_view subject, const std::exception& e) {
  std::string message(what);
  if (!subject.empty()) message += " '" + std::string(subject.substr(0, 80)) + "'";
  throw sql::DatabaseError(message + ": " + e.what());
}

template <typename Fn>
auto translated(std::string_view what, std::string_view subject, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const pqxx::failure& e) {
    fail(what, subject, e);
  } catch (const pqxx::usage_error& e) {
    fail(what, subject, e);
  }
}


class PgConnection;

// Parameters as text (NULL as nullopt); PostgreSQL infers each one's type from where
// it stands, as SQLite accepts any.
class Parameters {
 public:
  explicit Parameters(int count) : values_(static_cast<size_t>(count)) {}
  void set(int index, std::optional<std::string> value) {
    if (index < 1 || index > static_cast<int>(values_.size()))
      throw sql::DatabaseError("bind: no parameter " + std::to_string(index));
    values_[static_cast<size_t>(index - 1)] = std::move(value);
  }
  void clear() { std::fill(values_.begin(), values_.end(), std::nullopt); }
  std::vector<const char*> pointers() const {
    std::vector<const char*> out;
    for (const auto& v : values_) out.push_back(v ? v->c_str() : nullptr);
    return out;
  }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The current row of a result, read as SQLite's columns read (NULL: 0 or "").
class Rows {
 public:
  void set(pqxx::result result) {
    result_ = std::move(result);
    next_ = 0;
  }
  bool advance() {
    if (next_ >= result_.size()) return false;
    row_ = next_++;
    return true;
  }
  void clear() { set(pqxx::result()); }
  const pqxx::field field(int index) const { return result_[static_cast<pqxx::result::size_type>(row_)][index]; }
  std::int64_t as_int(int index) const {
    auto f = field(index);
    if (f.is_null()) return 0;
    std::string_view text(f.c_str(), f.size());
    if (text == "t") return 1;  // booleans read as SQLite's 0 and 1
    if (text == "f") return 0;
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
  }
  double as_double(int index) const {
    auto f = field(index);
    return f.is_null() ? 0.0 : f.as<double>();
  }
  std::string as_text(int index) const {
    auto f = field(index);
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }
  std::string as_blob(int index) const {
    auto f = field(index);
    if (f.is_null()) return {};
    return pqxx::binarystring(f).str();
  }
  bool is_null(int index) const { return field(index).is_null(); }

 private:
  pqxx::result result_;
  pqxx::result::size_type next_ = 0, row_ = 0;
};

class PgConnection final : public sql::Connection {
 public:
  explicit PgConnection(const std::string& url)
      : conn_(translated("connect", "", [&] { return std::make_unique<pqxx::connection>(url); })),
        work_(std::make_unique<pqxx::nontransaction>(*conn_)) {
    // Our statements are prepared once and run thousands of times with keys for
    // parameters: planning each run afresh (PostgreSQL's default for a statement's first
    // runs) cost more than the lookups themselves; profile pages p99 17 ms -> 9.4 ms.
    exec("SET plan_cache_mode = force_generic_plan");
    // JIT compiles a query the planner thinks expensive, at 100 ms or more a time: more
    // than our reads take (a partition's authors: 114 ms of JIT for a 35 ms query).
    exec("SET jit = off");
    // Our cursors are read to the end (whole-catalog passes): plan them for all their
    // rows, not for the first tenth as PostgreSQL does by default.
    exec("SET cursor_tuple_fraction = 1.0");
    // A generic plan guesses thousands of rows for a key range (a work's authorships:
    // five), and past a size of table plans a parallel query for it, whose worker
    // takes 7 ms to start: profile pages at 100,000 works had p50 64 ms. Lookups are
    // what a server runs; whole-catalog passes read cursors, which never run parallel.
    exec("SET max_parallel_workers_per_gather = 0");
  }

  sql::Backend backend() const override { return sql::Backend::postgresql; }

  void exec(std::string_view sql) override {
    translated("exec", sql, [&] { work_->exec(std::string(sql)); });
  }

  sql::Statement prepare(std::string_view sql) override;
  sql::Statement prepare_scan(std::string_view sql) override;
  std::unique_ptr<sql::BulkInsert> bulk_insert(const std::string& table, const std::vector<std::string>& columns) override;

  // The server-side name of `sql`, prepared once a connection: a face that prepares a
  // statement on each call reuses it rather than piling up new ones.
  const std::string& prepare_named(const std::string& sql) {
    auto [it, fresh] = prepared_.try_emplace(sql);
    if (fresh) {
      it->second = "s" + std::to_string(prepared_.size());
      const std::string& name = it->second;  // a lambda may not capture a structured binding (clang 14)
      try {
        translated("prepare", sql, [&] { conn_->prepare(name, sql); });
      } catch (...) {
        prepared_.erase(it);
        throw;
      }
    }
    return it->second;
  }
  pqxx::result run_prepared(const std::string& name, const Parameters& params, const std::string& sql) {
    auto pointers = params.pointers();
    return translated("run", sql, [&] { return work_->exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers)); });
  }
  pqxx::result run_params(const std::string& sql, const Parameters& params) {
    auto pointers = params.pointers();
    return translated("run", sql, [&] { return work_->exec_params(sql, pqxx::prepare::make_dynamic_params(pointers)); });
  }
  pqxx::result run(const std::string& sql) {
    return translated("run", sql, [&] { return work_->exec(sql); });
  }
  int depth() const { return depth_; }
  std::string new_cursor_name() { return "bzpeer_c" + std::to_string(++cursors_); }
  pqxx::nontransaction& work() { return *work_; }

 protected:
  void begin_outermost() override { exec("BEGIN"); }

 private:
  std::unique_ptr<pqxx::connection> conn_;
  std::unique_ptr<pqxx::nontransaction> work_;  // every command goes through it; BEGIN/COMMIT are ours
  std::unordered_map<std::string, std::string> prepared_;  // SQL -> statement name
  int cursors_ = 0;
};

class PgStatement : public sql::StatementImpl {
 public:
  PgStatement(PgConnection& db, std::string_view sql) : db_(db), dollar_(to_dollar_placeholders(sql)), params_(dollar_.parameters) {}

  void bind_text(int index, std::string_view value, bool) override { params_.set(index, std::string(value)); }
  void bind_int(int index, std::int64_t value) override { params_.set(index, std::to_string(value)); }
  void bind_double(int index, double value) override {
    char buffer[64];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    params_.set(index, std::string(buffer, end));
  }
  void bind_null(int index) override { params_.set(index, std::nullopt); }
  void bind_blob(int index, std::string_view bytes) override { params_.set(index, hex_bytea(bytes)); }

  bool step() override {
    if (!ran_) {
      if (name_.empty()) name_ = db_.prepare_named(dollar_.sql);
      rows_.set(db_.run_prepared(name_, params_, dollar_.sql));
      ran_ = true;
    }
    return rows_.advance();
  }
  void reset() override {
    ran_ = false;
    rows_.clear();
    params_.clear();
  }
  std::int64_t column_int(int index) const override { return rows_.as_int(index); }
  double column_double(int index) const override { return rows_.as_double(index); }
  std::string column_text(int index) const override { return rows_.as_text(index); }
  std::string column_blob(int index) const override { return rows_.as_blob(index); }
  bool column_is_null(int index) const override { return rows_.is_null(index); }

 protected:
  PgConnection& db_;
  DollarSql dollar_;
  Parameters params_;
  Rows rows_;
  std::string name_;
  bool ran_ = false;
};

// Reads through DECLARE ... CURSOR and FETCH, in its own transaction when the caller
// has none (a cursor lives in one), so a whole-catalog pass never holds all its rows.
class PgScanStatement final : public PgStatement {
 public:
  using PgStatement::PgStatement;
  ~PgScanStatement() override {
    try {
      close();
    } catch (...) {
    }
  }

  bool step() override {
    if (!ran_) {
      if (db_.depth() == 0) {
        db_.begin();
        own_transaction_ = true;
      }
      cursor_ = db_.new_cursor_name();
      db_.run_params("DECLARE " + cursor_ + " NO SCROLL CURSOR FOR " + dollar_.sql, params_);
      ran_ = true;
      fetch();
    }
    if (rows_.advance()) return true;
    if (exhausted_) return false;
    fetch();
    return rows_.advance();
  }
  void reset() override {
    close();
    PgStatement::reset();
  }

 private:
  void fetch() {
    pqxx::result batch = db_.run("FETCH " + std::to_string(kScanBatch) + " FROM " + cursor_);
    exhausted_ = batch.size() < static_cast<pqxx::result::size_type>(kScanBatch);
    rows_.set(std::move(batch));
  }
  void close() {
    if (cursor_.empty()) return;
    std::string cursor = std::move(cursor_);
    cursor_.clear();
    exhausted_ = false;
    db_.run("CLOSE " + cursor);
    if (own_transaction_) {
      own_transaction_ = false;
      db_.commit();
    }
  }

  std::string cursor_;
  bool own_transaction_ = false, exhausted_ = false;
};

// A field of COPY's text format: backslash escapes for the four bytes that delimit it.
void append_copy_field(std::string& line, std::string_view value) {
  // Runs without those bytes (nearly every field whole) are appended at once.
  static constexpr std::string_view kEscaped("\\\t\n\r", 4);
  for (size_t start = 0;;) {
    size_t special = value.find_first_of(kEscaped, start);
    line.append(value.substr(start, special - start));
    if (special == std::string_view::npos) return;
    switch (value[special]) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      default: line += "\\r"; break;
    }
    start = special + 1;
  }
}

// COPY ... FROM STDIN, each row a line we format ourselves. libpqxx 6.4's stream_to
// takes only fixed-size tuples, so this uses its tablewriter, deprecated there in
// favour of stream_to, for its write_raw_line alone.
class PgBulkInsert final : public sql::BulkInsert {
 public:
  PgBulkInsert(PgConnection& db, const std::string& table, const std::vector<std::string>& columns) : table_(table) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    writer_ = translated("copy into", table, [&] {
      return std::make_unique<pqxx::tablewriter>(db.work(), table, columns.begin(), columns.end());
    });
#pragma GCC diagnostic pop
  }
  ~PgBulkInsert() override {
    try {
      finish();
    } catch (...) {
    }
  }
  void add_row(const std::vector<std::optional<std::string_view>>& values) override {
    line_.clear();
    for (size_t i = 0; i < values.size(); ++i) {
      if (i) line_ += '\t';
      if (values[i])
        append_copy_field(line_, *values[i]);
      else
        line_ += "\\N";
    }
    translated("copy into", table_, [&] { writer_->write_raw_line(line_); });
  }
  void finish() override {
    if (!writer_) return;
    auto writer = std::move(writer_);
    translated("copy into", table_, [&] { writer->complete(); });
  }

 private:
  std::string table_;
  std::unique_ptr<pqxx::tablewriter> writer_;
  std::string line_;
};

sql::Statement PgConnection::prepare(std::string_view sql) {
  return sql::Statement(std::make_unique<PgStatement>(*this, sql));
}

sql::Statement PgConnection::prepare_scan(std::string_view sql) {
  return sql::Statement(std::make_unique<PgScanStatement>(*this, sql));
}

std::unique_ptr<sql::BulkInsert> PgConnection::bulk_insert(const std::string& table, const std::vector<std::string>& columns) {
  return std::make_unique<PgBulkInsert>(*this, table, columns);
}

}  // namespace

std::string hex_bytea(std::string_view bytes) { return "\\x" + text::hex(bytes); }

std::unique_ptr<sql::Connection> open_connection(const std::string& url) { return std::make_unique<PgConnection>(url); }

}  // namespace bzpeer::store::postgres

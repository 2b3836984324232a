#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

namespace {
std::string savepoint(int depth) { return "bzpeer_sp" + std::to_string(depth); }
}  // namespace

void Connection::begin() {
  if (depth_ == 0)
    begin_outermost();
  else
    exec("SAVEPOINT " + savepoint(depth_));
  ++depth_;
}

void Connection::commit() {
  // Counted down only once done: a failed COMMIT leaves the transaction to roll back.
  exec(depth_ == 1 ? std::string("COMMIT") : "RELEASE " + savepoint(depth_ - 1));
  --depth_;
}

void Connection::rollback() {
  --depth_;
  if (depth_ == 0)
    exec("ROLLBACK");
  else
    exec("ROLLBACK TO " + savepoint(depth_) + "; RELEASE " + savepoint(depth_));
}

Transaction::~Transaction() {
  if (!done_) {
    try {
      db_.rollback();
    } catch (...) {
      // The connection is broken; the server rolls back what it had.
    }
  }
}

void Transaction::commit() {
  db_.commit();
  done_ = true;
}

std::string ids_in_json(Backend backend, const std::string& param) {
  if (backend == Backend::postgresql) return "SELECT jsonb_array_elements_text(" + param + "::jsonb)::bigint";
  return "SELECT value FROM json_each(" + param + ")";
}

std::string json_id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "[";
  for (auto id : ids) out += (out.size() > 1 ? "," : "") + std::to_string(id);
  return out + "]";
}

std::unique_ptr<BulkInsert> staging_table(Connection& db, const std::string& table, const std::vector<std::string>& columns) {
  std::string definitions;
  std::vector<std::string> names;
  for (const auto& column : columns) {
    definitions += (definitions.empty() ? "" : ", ") + column;
    names.push_back(column.substr(0, column.find(' ')));
  }
  db.exec("CREATE TEMP TABLE IF NOT EXISTS " + table + " (" + definitions + ") ON COMMIT DELETE ROWS");
  return db.bulk_insert(table, names);
}

}  // namespace bzpeer::store::sql

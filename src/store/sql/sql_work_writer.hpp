#pragma once
// The SQL side of WorkWriter: works and authorships upserted by external id.
#include "store/sql/connection.hpp"
#include "store/work_writer.hpp"

namespace bzpeer::store::sql {

// Hash of every stored field: equal hashes mean a re-ingested record changed nothing.
std::int64_t content_hash(const model::Work& w);

// One row at a time, which SQLite does at the disk's pace; PostgreSQL has its own,
// by COPY (postgres/pg_work_writer).
class SqlWorkWriter final : public WorkWriter {
 public:
  explicit SqlWorkWriter(Connection& db) : db_(db) {}
  Result<UpsertCounts> upsert_works(const std::vector<model::Work>& works) override;

 private:
  void prepare();

  Connection& db_;
  Statement find_work_, insert_work_, update_work_, upsert_authorship_, trim_authorships_, next_revision_;
};

}  // namespace bzpeer::store::sql

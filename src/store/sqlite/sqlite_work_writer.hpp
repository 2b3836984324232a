#pragma once
// The SQLite side of WorkWriter: works and authorships upserted by external id.
#include "store/sqlite/db.hpp"
#include "store/work_writer.hpp"

namespace bzpeer::store::sqlite {

class SqliteWorkWriter final : public WorkWriter {
 public:
  explicit SqliteWorkWriter(Database& db) : db_(db) {}
  Result<UpsertCounts> upsert_works(const std::vector<model::Work>& works) override;

 private:
  void prepare();

  Database& db_;
  Statement find_work_, insert_work_, update_work_, upsert_authorship_, trim_authorships_, next_revision_;
};

}  // namespace bzpeer::store::sqlite

#pragma once
// The SQLite side of IdentityStore, on the catalog's connection.
#include "store/identity_store.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

class SqliteIdentityStore final : public IdentityStore {
 public:
  explicit SqliteIdentityStore(Database& db) : db_(db) {}

  Status for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) override;
  Status for_each_work(const std::function<void(WorkRow&&)>& visit) override;
  Result<std::vector<model::WorkCorrection>> work_corrections() override;
  Status save_assignment(const ResearcherAssignment& assignment) override;

 private:
  Database& db_;
};

}  // namespace bzpeer::store::sqlite

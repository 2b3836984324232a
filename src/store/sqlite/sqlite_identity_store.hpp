#pragma once
// The SQLite side of IdentityStore, on the catalog's connection.
#include "store/identity_store.hpp"
#include "store/sqlite/pass_rows.hpp"

namespace bzpeer::store::sqlite {

class SqliteIdentityStore final : public SqlitePassRows<IdentityStore> {
 public:
  using SqlitePassRows::SqlitePassRows;
  Result<std::vector<model::WorkCorrection>> work_corrections() override;
  Status save_assignment(const ResearcherAssignment& assignment) override;
};

}  // namespace bzpeer::store::sqlite

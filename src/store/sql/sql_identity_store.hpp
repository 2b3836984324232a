#pragma once
// The SQL side of IdentityStore, on the catalog's connection.
#include "store/identity_store.hpp"
#include "store/sql/sql_pass_rows.hpp"

namespace bzpeer::store::sql {

class SqlIdentityStore final : public SqlPassRows<IdentityStore> {
 public:
  using SqlPassRows::SqlPassRows;
  Result<std::vector<model::WorkCorrection>> work_corrections() override;
  Status save_assignment(const ResearcherAssignment& assignment) override;
};

}  // namespace bzpeer::store::sql

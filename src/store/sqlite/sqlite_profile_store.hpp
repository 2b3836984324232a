#pragma once
// The SQLite side of ProfileStore, on the catalog's connection.
#include "store/profile_store.hpp"
#include "store/sqlite/pass_rows.hpp"

namespace bzpeer::store::sqlite {

class SqliteProfileStore final : public SqliteAssignmentRows<ProfileStore> {
 public:
  using SqliteAssignmentRows::SqliteAssignmentRows;
  Status save_profiles(const std::vector<model::ResearcherProfile>& profiles) override;
  Status save_topics(const std::vector<model::TopicSummary>& topics) override;
};

}  // namespace bzpeer::store::sqlite

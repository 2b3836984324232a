#pragma once
// The SQL side of ProfileStore, on the catalog's connection.
#include "store/profile_store.hpp"
#include "store/sql/sql_pass_rows.hpp"

namespace bzpeer::store::sql {

class SqlProfileStore final : public SqlAssignmentRows<ProfileStore> {
 public:
  using SqlAssignmentRows::SqlAssignmentRows;
  Status save_profiles(const std::vector<model::ResearcherProfile>& profiles) override;
  Status save_topics(const std::vector<model::TopicSummary>& topics) override;
};

}  // namespace bzpeer::store::sql

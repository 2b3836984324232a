#pragma once
// The SQL side of WorkFeatureStore: table work_terms on the catalog's connection.
#include "store/sql/connection.hpp"
#include "store/work_features.hpp"

namespace bzpeer::store::sql {

class SqlWorkFeatures final : public WorkFeatureStore {
 public:
  explicit SqlWorkFeatures(Connection& db) : db_(db) {}

  Result<std::int64_t> terms_revision() override;
  Result<std::vector<std::int64_t>> works_changed_since(std::int64_t revision) override;
  Result<std::vector<WorkText>> work_texts(const std::vector<std::int64_t>& ids) override;
  Status save_terms(const std::vector<std::pair<std::int64_t, std::string>>& terms,
                    std::optional<std::int64_t> revision) override;
  Result<std::vector<WorkFeatures>> work_features(const std::vector<std::int64_t>& ids) override;

 private:
  Connection& db_;
  Statement features_stmt_, text_stmt_;
};

}  // namespace bzpeer::store::sql

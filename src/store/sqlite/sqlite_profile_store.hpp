#pragma once
// The SQLite side of ProfileStore, on the catalog's connection.
#include "store/profile_store.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

class SqliteProfileStore final : public ProfileStore {
 public:
  explicit SqliteProfileStore(Database& db) : db_(db) {}

  Status for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) override;
  Status for_each_work(const std::function<void(WorkRow&&)>& visit) override;
  Status for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t)>& visit) override;
  Status for_each_researcher(const std::function<void(model::ResearcherId, const std::string&)>& visit) override;
  Status save_profiles(const std::vector<model::ResearcherProfile>& profiles) override;
  Status save_topics(const std::vector<model::TopicSummary>& topics) override;

 private:
  Database& db_;
};

}  // namespace bzpeer::store::sqlite

#include "store/sql/sql_profile_store.hpp"

#include "store/profile_codec.hpp"
#include "store/sql/result_guard.hpp"

namespace bzpeer::store::sql {

Status SqlProfileStore::save_profiles(const std::vector<model::ResearcherProfile>& profiles) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    auto update = db_.prepare("UPDATE researchers SET profile_json = ? WHERE id = ?");
    for (const auto& p : profiles) {
      update.bind(1, encode_profile(p)).bind(2, p.id);
      update.run();
    }
    tx.commit();
    return Ok{};
  });
}

Status SqlProfileStore::save_topics(const std::vector<model::TopicSummary>& topics) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    db_.exec("DELETE FROM topics");
    auto insert = db_.prepare("INSERT INTO topics(id, label, works_count, researchers_count) VALUES (?, ?, ?, ?)");
    for (const auto& t : topics) {
      insert.bind(1, t.id).bind(2, t.label).bind(3, t.works_count).bind(4, t.researchers_count);
      insert.run();
    }
    tx.commit();
    return Ok{};
  });
}

}  // namespace bzpeer::store::sql

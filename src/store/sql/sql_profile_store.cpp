#include "store/sql/sql_profile_store.hpp"

#include "store/profile_codec.hpp"
#include "store/sql/result_guard.hpp"

namespace bzpeer::store::sql {

Status SqlProfileStore::save_profiles(const std::vector<model::ResearcherProfile>& profiles) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    if (db_.backend() == Backend::postgresql) {
      // A statement a profile is a round trip to the server each, most of enrich's time
      // there (100,000 works: 42,484 profiles in 30 s): they are copied in and set by one.
      auto rows = staging_table(db_, "stage_profiles", {"id BIGINT", "profile_json TEXT"});
      for (const auto& p : profiles) {
        const std::string id = std::to_string(p.id.value()), json = encode_profile(p);
        rows->add_row({id, json});
      }
      rows->finish();
      db_.exec("UPDATE researchers r SET profile_json = s.profile_json FROM stage_profiles s WHERE r.id = s.id");
    } else {
      auto update = db_.prepare("UPDATE researchers SET profile_json = ? WHERE id = ?");
      for (const auto& p : profiles) {
        update.bind(1, encode_profile(p)).bind(2, p.id);
        update.run();
      }
    }
    tx.commit();
    return Ok{};
  });
}

Status SqlProfileStore::save_topics(const std::vector<model::TopicSummary>& topics) {
  return guarded([&]() -> Status {
    Transaction tx(db_);
    db_.exec("DELETE FROM topics");
    // A bulk insert: COPY on PostgreSQL, where a statement a topic (over 100,000 of them
    // at 100,000 works) was a round trip each.
    auto rows = db_.bulk_insert("topics", {"id", "label", "works_count", "researchers_count"});
    for (const auto& t : topics) {
      const std::string works = std::to_string(t.works_count), researchers = std::to_string(t.researchers_count);
      rows->add_row({t.id, t.label, works, researchers});
    }
    rows->finish();
    tx.commit();
    return Ok{};
  });
}

}  // namespace bzpeer::store::sql

#include "store/sql/account_remap.hpp"

namespace bzpeer::store::sql {

void move_account_state(Connection& db, const std::vector<std::pair<model::ResearcherId, model::ResearcherId>>& redirects) {
  // A row that would collide with one the survivor has stays behind (and is dropped or
  // kept as it was): what SQLite's UPDATE OR IGNORE does, in SQL both backends speak.
  auto follows = db.prepare(
      "UPDATE follows SET target = ?2 WHERE target = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.account_id = follows.account_id AND f.target = ?2)");
  auto drop_follows = db.prepare("DELETE FROM follows WHERE target = ?1");
  auto corrections = db.prepare(
      "UPDATE corrections SET researcher_id = ?2 WHERE researcher_id = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM corrections c WHERE c.work_id = corrections.work_id AND c.researcher_id = ?2)");
  auto conversations = db.prepare("UPDATE conversations SET researcher_id = ?2 WHERE researcher_id = ?1");
  auto claim = db.prepare(
      "UPDATE claims SET researcher_id = ?2 WHERE researcher_id = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM claims WHERE researcher_id = ?2)");
  const std::string now = db.backend() == Backend::postgresql ? "CAST(extract(epoch FROM now()) AS BIGINT)"
                                                              : "CAST(strftime('%s', 'now') AS INTEGER)";
  auto dispute = db.prepare(
      "INSERT INTO disputes(researcher_id, claimant_account_id, created_at) "
      "SELECT CAST(?2 AS BIGINT), account_id, " + now + " FROM claims WHERE researcher_id = ?1");
  auto drop_claim = db.prepare("DELETE FROM claims WHERE researcher_id = ?1");
  for (const auto& [old_id, new_id] : redirects) {
    std::string old_text = model::format_researcher_id(old_id), new_text = model::format_researcher_id(new_id);
    follows.bind(1, old_text).bind(2, new_text);
    follows.run();
    drop_follows.bind(1, old_text);
    drop_follows.run();
    for (Statement* s : {&corrections, &conversations, &claim}) {
      s->bind(1, old_id).bind(2, new_id);
      s->run();
    }
    // Two claimed records merged: the second claimant's claim becomes a dispute.
    dispute.bind(1, old_id).bind(2, new_id);
    dispute.run();
    drop_claim.bind(1, old_id);
    drop_claim.run();
  }
}

}  // namespace bzpeer::store::sql

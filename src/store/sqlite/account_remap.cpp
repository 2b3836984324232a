#include "store/sqlite/account_remap.hpp"

namespace bzpeer::store::sqlite {

void move_account_state(Database& db, const std::vector<std::pair<model::ResearcherId, model::ResearcherId>>& redirects) {
  auto follows = db.prepare("UPDATE OR IGNORE follows SET target = ?2 WHERE target = ?1");
  auto drop_follows = db.prepare("DELETE FROM follows WHERE target = ?1");
  auto corrections = db.prepare("UPDATE OR IGNORE corrections SET researcher_id = ?2 WHERE researcher_id = ?1");
  auto conversations = db.prepare("UPDATE conversations SET researcher_id = ?2 WHERE researcher_id = ?1");
  auto claim = db.prepare(
      "UPDATE claims SET researcher_id = ?2 WHERE researcher_id = ?1 "
      "AND NOT EXISTS (SELECT 1 FROM claims WHERE researcher_id = ?2)");
  auto dispute = db.prepare(
      "INSERT INTO disputes(researcher_id, claimant_account_id, created_at) "
      "SELECT ?2, account_id, strftime('%s', 'now') FROM claims WHERE researcher_id = ?1");
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

}  // namespace bzpeer::store::sqlite

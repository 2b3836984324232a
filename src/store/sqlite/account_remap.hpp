#pragma once
// The account tables' side of a researcher merge: what accounts hold on a retired id
// (follows, corrections, conversations, the claim) moves to the researcher it became.
// It belongs to the account store's schema, and runs inside the transaction that saves
// identity's assignment (both live in catalog.sqlite), so a merge and its account
// state never part.
#include <utility>
#include <vector>

#include "model/researcher.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

// For each (old, new) pair. A claim moves unless the survivor is claimed too: then the
// older claim stays and the other becomes a dispute for a moderator.
void move_account_state(Database& db, const std::vector<std::pair<model::ResearcherId, model::ResearcherId>>& redirects);

}  // namespace bzpeer::store::sqlite

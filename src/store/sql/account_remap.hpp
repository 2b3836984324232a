#pragma once
// The account tables' side of a researcher merge: what accounts hold on a retired id
// (follows, corrections, conversations, the claim) moves to the researcher it became.
// It belongs to the account store's schema, and runs inside the transaction that saves
// identity's assignment (both live in the catalog database), so a merge and its account
// state never part.
#include <utility>
#include <vector>

#include "model/researcher.hpp"
#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

// For each (old, new) pair. A claim moves unless the survivor is claimed too: then the
// older claim stays and the other becomes a dispute for a moderator.
void move_account_state(Connection& db, const std::vector<std::pair<model::ResearcherId, model::ResearcherId>>& redirects);

}  // namespace bzpeer::store::sql

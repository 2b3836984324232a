#pragma once
// A claimed researcher's corrections become clustering constraints: once a researcher
// has corrected their record, the authorships they hold and the works they added carry
// the person id "claim:R<id>" (must-link with one another), and a work they removed
// carries its own "claim:R<id>:removed:<work>" id (cannot-link with theirs). Added works are matched to the author slot whose name blocks with the
// researcher's; a correction whose slot cannot be found is left out.
#include <vector>

#include "model/account.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::identity {

// Rewrites `rows` (ordered by id, so by work); returns how many corrections applied.
size_t apply_claim_constraints(std::vector<store::AuthorshipRow>& rows,
                               const std::vector<model::WorkCorrection>& corrections);

}  // namespace bzpeer::identity

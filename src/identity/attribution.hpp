#pragma once
// Explains every attribution: for each signature, the evidence that ties it to the
// rest of its researcher (shared co-authors, topic similarity, venue, editors' ids),
// in words a researcher can check and contest.
#include <string>
#include <vector>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

// One explanation per signature of `set` (indexed like set.signatures).
std::vector<std::string> explain_attributions(const EvidenceSet& set, const std::vector<std::vector<size_t>>& clusters,
                                              const PairModel& model);

}  // namespace bzpeer::identity

#pragma once
// Explains every attribution: for each signature, the evidence that ties it to the
// rest of its researcher (shared co-authors, topic similarity, venue, editors' ids),
// in words a researcher can check and contest, and how firm that tie is. A work that
// joined its researcher only through the group as a whole (no single work is a clear
// match, as with a paper listing no co-authors) is marked weak: the one its owner
// should check first.
#include <string_view>
#include <vector>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::identity {

// The best single link is "strong" from this probability up.
inline constexpr double kStrongLink = 0.8;

// One attribution per signature of `set` (indexed like set.signatures).
std::vector<store::Attribution> explain_attributions(const EvidenceSet& set,
                                                     const std::vector<std::vector<size_t>>& clusters,
                                                     const PairModel& model);

}  // namespace bzpeer::identity

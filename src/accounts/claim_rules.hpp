#pragma once
// The claim rules that need the catalog's facts: which works a claimant may take in at
// once, which corrections identity could ever apply, and which works a claimant has
// settled. Identity joins works only under a form of one's name (identity::same_block),
// so these rules ask the same question it does.
#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "model/account.hpp"
#include "store/catalog_reader.hpp"

namespace bzpeer::accounts {

// The works of researcher `other` that can join the claimed researcher `mine` at once
// ("this record is also me"): all of them, when `other`'s name is a form of `mine`'s;
// otherwise an error saying why.
Result<std::vector<std::int64_t>> works_to_add(store::CatalogReader& catalog, model::ResearcherId mine,
                                               model::ResearcherId other);
// Refuses a correction identity could never apply: adding a work none of whose authors
// is printed under a form of the researcher's name. Other corrections pass.
Status check_correction(store::CatalogReader& catalog, const model::WorkCorrection& correction);
// The works the claimed researcher has confirmed or removed: checked by the one person
// who knows, so no longer counted or listed as weak evidence to check.
std::vector<std::int64_t> settled_works(const std::vector<model::WorkCorrection>& corrections);

}  // namespace bzpeer::accounts

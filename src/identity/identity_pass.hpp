#pragma once
// Runs identity over the whole catalog and saves the researcher assignment.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/disambiguator.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::identity {

struct IdentityStats {
  size_t authorships = 0;
  size_t researchers = 0;
  size_t kept_ids = 0;  // researchers whose id came from the previous build
  size_t redirected = 0;  // previous ids that now redirect to the researcher they merged into
  size_t corrections = 0;  // claimed researchers' corrections applied as constraints
  std::string phases;   // seconds per phase, for the build summary
};

Result<IdentityStats> run_identity(store::IdentityStore& store, Disambiguator& disambiguator);

// The steps run_identity shares with a partitioned build (partitioned_identity.hpp).
// Every authorship, its claimants' corrections applied as constraints; returns how many.
Result<size_t> load_constrained_rows(store::IdentityStore& store, std::vector<store::AuthorshipRow>& rows);
// Gives `clusters` (indices into `rows`) stable ids and names, and saves them with
// their explanations (indexed like rows; may be empty). Fills the counts of `stats`.
Status save_clusters(store::IdentityStore& store, const std::vector<store::AuthorshipRow>& rows,
                     std::vector<std::vector<size_t>> clusters, const std::vector<store::Attribution>& explanations,
                     IdentityStats& stats);

}  // namespace bzpeer::identity

#pragma once
// Runs identity over the whole catalog and saves the researcher assignment.
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

}  // namespace bzpeer::identity

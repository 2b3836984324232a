#pragma once
// The pairwise model shipped in models/identity.json (embedded at build time).
#include "core/result.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

Result<PairModel> default_model();

}  // namespace bzpeer::identity

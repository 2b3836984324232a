#pragma once
// JSON form of a built profile, as the catalog stores it (not the public API shape).
#include <string>

#include "model/researcher.hpp"

namespace bzpeer::store {

std::string encode_profile(const model::ResearcherProfile& profile);
// Missing fields keep their defaults, so profiles written by older builds still load.
model::ResearcherProfile decode_profile(const std::string& json);

}  // namespace bzpeer::store

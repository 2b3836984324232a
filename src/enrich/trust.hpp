#pragma once
// The trust score: a 0-100 sum of visible parts, each explained on the profile.
// docs/trust.md is the reference for the formula and the tiers.
#include <string>

#include "model/researcher.hpp"

namespace bzpeer::enrich {

struct TrustInputs {
  std::string verification_level = "L1";  // L1..L4
  bool claimed = false;
  int works_count = 0;
  int followers_count = 0;
  bool affiliation_known = false;
  bool open_to_collaborate = false;
};

model::Trust compute_trust(const TrustInputs& inputs);

// "Emerging", "Established", "Trusted" or "Exemplary" for a score.
std::string trust_tier(int score);

}  // namespace bzpeer::enrich

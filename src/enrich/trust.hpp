#pragma once
// The trust score: a 0-100 sum of visible parts, each explained on the profile.
// docs/trust.md is the reference for the formula and the tiers.
#include <string>

#include "model/researcher.hpp"

namespace bzpeer::enrich {

struct TrustInputs {
  model::VerificationLevel verification_level = model::VerificationLevel::L1;
  bool claimed = false;
  int works_count = 0;
  int followers_count = 0;
  bool affiliation_known = false;
  bool open_to_collaborate = false;
};

model::Trust compute_trust(const TrustInputs& inputs);

// Sets the live facts that accounts own (verification level, claim, followers, open to
// collaborate) on a built profile and recomputes its trust from them.
void apply_live_state(model::ResearcherProfile& profile, model::VerificationLevel verification_level, bool claimed,
                      int followers, bool open_to_collaborate);

// "Emerging", "Established", "Trusted" or "Exemplary" for a score.
std::string trust_tier(int score);

}  // namespace bzpeer::enrich

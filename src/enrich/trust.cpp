#include "enrich/trust.hpp"

#include <algorithm>
#include <cmath>

namespace bzpeer::enrich {

namespace {

constexpr double kVerificationMax = 45, kPublicationsMax = 15, kCommunityMax = 25, kStewardshipMax = 15;
constexpr int kWorksForFullRecord = 30;
constexpr double kFollowersForFullCommunity = 1000;

double verification_points(model::VerificationLevel level) {
  switch (level) {
    case model::VerificationLevel::L4: return 45;
    case model::VerificationLevel::L3: return 35;
    case model::VerificationLevel::L2: return 25;
    case model::VerificationLevel::L1: return 6;
  }
  return 6;
}

std::string plural(int n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

std::string trust_tier(int score) {
  if (score >= 80) return "Exemplary";
  if (score >= 60) return "Trusted";
  if (score >= 40) return "Established";
  return "Emerging";
}

model::Trust compute_trust(const TrustInputs& in) {
  model::Trust trust;
  double verification = verification_points(in.verification_level);
  trust.breakdown.push_back({"verification", "Identity verification", verification, kVerificationMax,
                             "Verification " + std::string(model::name(in.verification_level)) +
                                 " (L1 public record 6, L2 claimed with a verified email 25, L3 corroborated 35, "
                                 "L4 moderator-reviewed 45)"});

  double works_share = std::min(1.0, static_cast<double>(in.works_count) / kWorksForFullRecord);
  double publications = std::round(kPublicationsMax * works_share * 10) / 10;
  trust.breakdown.push_back({"publications", "Publication record", publications, kPublicationsMax,
                             plural(in.works_count, "attributed work") + "; full marks from " +
                                 std::to_string(kWorksForFullRecord) + " works"});

  double followers_share =
      std::min(1.0, std::log10(1.0 + std::max(0, in.followers_count)) / std::log10(1.0 + kFollowersForFullCommunity));
  double community = std::round(kCommunityMax * followers_share * 10) / 10;
  trust.breakdown.push_back({"community", "Community", community, kCommunityMax,
                             plural(in.followers_count, "follower") + "; grows with the logarithm of followers, full "
                                                                      "marks at 1,000"});

  double stewardship = 0;
  std::string stewardship_text;
  if (in.affiliation_known) stewardship += 5;
  if (in.claimed) stewardship += 5;
  if (in.claimed && in.open_to_collaborate) stewardship += 5;
  stewardship_text = std::string(in.affiliation_known ? "affiliation known (+5)" : "no affiliation imported (0)") +
                     ", " + (in.claimed ? "claimed and maintained (+5)" : "unclaimed (0)") + ", " +
                     (in.claimed && in.open_to_collaborate ? "open to collaborate (+5)"
                                                           : "collaboration counts once claimed (0)");
  trust.breakdown.push_back({"stewardship", "Profile stewardship", stewardship, kStewardshipMax, stewardship_text});

  double total = 0;
  for (const auto& part : trust.breakdown) total += part.points;
  trust.score = static_cast<int>(std::lround(total));
  trust.tier = trust_tier(trust.score);
  return trust;
}

void apply_live_state(model::ResearcherProfile& p, model::VerificationLevel verification_level, bool claimed, int followers,
                      bool open_to_collaborate) {
  p.verification_level = verification_level;
  p.claimed = claimed;
  p.followers_count = followers;
  p.open_to_collaborate = open_to_collaborate;
  p.trust = compute_trust({p.verification_level, p.claimed, p.works_count, p.followers_count, !p.affiliation.empty(),
                           p.open_to_collaborate});
}

}  // namespace bzpeer::enrich

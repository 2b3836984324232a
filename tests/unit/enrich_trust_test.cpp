#include <gtest/gtest.h>

#include <cmath>

#include "enrich/trust.hpp"

namespace bzpeer::enrich {
namespace {

double points(const model::Trust& t, const std::string& key) {
  for (const auto& p : t.breakdown)
    if (p.key == key) return p.points;
  ADD_FAILURE() << "no part " << key;
  return -1;
}

TEST(Trust, UnclaimedRecordWithAFullPublicationRecordIsEmerging21) {
  for (int works : {30, 35, 73, 82, 500}) {
    auto t = compute_trust({model::VerificationLevel::L1, false, works, 0, false, true});
    EXPECT_EQ(t.score, 21) << works;
    EXPECT_EQ(t.tier, "Emerging");
  }
}

TEST(Trust, PartsAddUpAndExplainThemselves) {
  auto t = compute_trust({model::VerificationLevel::L1, false, 12, 0, false, true});
  double total = 0, max_total = 0;
  for (const auto& p : t.breakdown) {
    total += p.points;
    max_total += p.max_points;
    EXPECT_FALSE(p.explanation.empty());
    EXPECT_LE(p.points, p.max_points);
  }
  EXPECT_EQ(max_total, 100);
  EXPECT_EQ(t.score, static_cast<int>(std::lround(total)));
  EXPECT_DOUBLE_EQ(points(t, "publications"), 6);  // 12 of 30 works
}

TEST(Trust, VerificationFollowersAndStewardshipRaiseTheScore) {
  auto l1 = compute_trust({model::VerificationLevel::L1, false, 40, 0, false, true});
  auto l2 = compute_trust({model::VerificationLevel::L2, true, 40, 0, false, true});
  auto l4 = compute_trust({model::VerificationLevel::L4, true, 40, 1000, true, true});
  EXPECT_GT(l2.score, l1.score);
  EXPECT_EQ(points(l2, "stewardship"), 10);
  EXPECT_EQ(l4.score, 100);
  EXPECT_EQ(l4.tier, "Exemplary");
  auto followed = compute_trust({model::VerificationLevel::L1, false, 40, 10, false, true});
  EXPECT_GT(points(followed, "community"), 0);
  EXPECT_LT(points(followed, "community"), 25);
}

TEST(Trust, Tiers) {
  EXPECT_EQ(trust_tier(0), "Emerging");
  EXPECT_EQ(trust_tier(39), "Emerging");
  EXPECT_EQ(trust_tier(40), "Established");
  EXPECT_EQ(trust_tier(60), "Trusted");
  EXPECT_EQ(trust_tier(80), "Exemplary");
}

}  // namespace
}  // namespace bzpeer::enrich

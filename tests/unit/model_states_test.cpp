#include <gtest/gtest.h>

#include "model/states.hpp"

namespace bzpeer::model {
namespace {

// Every value's name reads back as that value, and the names are the stored spellings.
template <typename State, size_t N>
void round_trips(const State (&all)[N], std::optional<State> (*parse)(std::string_view)) {
  for (State s : all) {
    EXPECT_FALSE(name(s).empty());
    EXPECT_EQ(parse(name(s)), s) << name(s);
  }
}

TEST(States, NamesReadBackAsTheirValues) {
  round_trips({Role::member, Role::moderator}, parse_role);
  round_trips({VerificationLevel::L1, VerificationLevel::L2, VerificationLevel::L3, VerificationLevel::L4},
              parse_verification_level);
  round_trips({CorrectionAction::confirm, CorrectionAction::remove, CorrectionAction::add}, parse_correction_action);
  round_trips({FeedMark::saved, FeedMark::liked, FeedMark::dismissed}, parse_feed_mark);
  round_trips({AttributionStrength::confirmed, AttributionStrength::strong, AttributionStrength::moderate,
               AttributionStrength::weak, AttributionStrength::alone},
              parse_attribution_strength);
  EXPECT_EQ(name(VerificationLevel::L3), "L3");
  EXPECT_EQ(name(FeedMark::dismissed), "dismissed");
}

TEST(States, OtherTextIsNoState) {
  EXPECT_EQ(parse_role("admin"), std::nullopt);
  EXPECT_EQ(parse_role("Moderator"), std::nullopt);  // the stored spelling only
  EXPECT_EQ(parse_verification_level("L5"), std::nullopt);
  EXPECT_EQ(parse_correction_action(""), std::nullopt);
  EXPECT_EQ(parse_feed_mark("unsave"), std::nullopt);
  EXPECT_EQ(parse_attribution_strength("weak "), std::nullopt);
}

}  // namespace
}  // namespace bzpeer::model

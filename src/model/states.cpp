#include "model/states.hpp"

#include <array>
#include <cstddef>

namespace bzpeer::model {

namespace {
// Each enum's spellings, in the order of its values.
constexpr std::array<std::string_view, 2> kRoles = {"member", "moderator"};
constexpr std::array<std::string_view, 4> kLevels = {"L1", "L2", "L3", "L4"};
constexpr std::array<std::string_view, 3> kActions = {"confirm", "remove", "add"};
constexpr std::array<std::string_view, 3> kMarks = {"saved", "liked", "dismissed"};
constexpr std::array<std::string_view, 5> kStrengths = {"confirmed", "strong", "moderate", "weak", "alone"};

template <typename State, size_t N>
std::optional<State> parse(const std::array<std::string_view, N>& names, std::string_view text) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == text) return static_cast<State>(i);
  return std::nullopt;
}
}  // namespace

std::string_view name(Role r) { return kRoles[static_cast<size_t>(r)]; }
std::string_view name(VerificationLevel l) { return kLevels[static_cast<size_t>(l)]; }
std::string_view name(CorrectionAction a) { return kActions[static_cast<size_t>(a)]; }
std::string_view name(FeedMark m) { return kMarks[static_cast<size_t>(m)]; }
std::string_view name(AttributionStrength s) { return kStrengths[static_cast<size_t>(s)]; }

std::optional<Role> parse_role(std::string_view text) { return parse<Role>(kRoles, text); }
std::optional<VerificationLevel> parse_verification_level(std::string_view text) {
  return parse<VerificationLevel>(kLevels, text);
}
std::optional<CorrectionAction> parse_correction_action(std::string_view text) {
  return parse<CorrectionAction>(kActions, text);
}
std::optional<FeedMark> parse_feed_mark(std::string_view text) { return parse<FeedMark>(kMarks, text); }
std::optional<AttributionStrength> parse_attribution_strength(std::string_view text) {
  return parse<AttributionStrength>(kStrengths, text);
}

}  // namespace bzpeer::model

#pragma once
// The states records move through, as types rather than strings. Each has one spelling,
// the one stored and shown (`name`), and is read back with `parse_*` (nothing for any
// other text, so a misspelt state is an error where it is read, not a silent default).
#include <optional>
#include <string_view>

namespace bzpeer::model {

// What an account may do beyond its own records: moderators resolve disputes and reports.
enum class Role { member, moderator };

// How sure BZPEER is that a researcher record's claimant is that researcher (docs/trust.md):
// L1 a public record nobody claimed, L2 claimed with a verified email, L3 corroborated
// (ORCID iD, email or its domain on the records), L4 reviewed by a moderator.
enum class VerificationLevel { L1, L2, L3, L4 };

// A researcher's word on one work of their profile: it is theirs, not theirs, or missing.
enum class CorrectionAction { confirm, remove, add };

// What a reader said about a work in their feed: saved, "more like this", "not relevant".
enum class FeedMark { saved, liked, dismissed };

// How firmly an authorship is tied to its researcher: confirmed (an editor's id, ORCID
// iD or email, or kept by its claimant), strong (one work alone makes the match near
// certain), moderate (one work alone is enough to merge), weak (joined through the group
// as a whole, no single clear match: the ones to check) or alone (the researcher's only
// work under this name).
enum class AttributionStrength { confirmed, strong, moderate, weak, alone };

std::string_view name(Role);
std::string_view name(VerificationLevel);
std::string_view name(CorrectionAction);
std::string_view name(FeedMark);
std::string_view name(AttributionStrength);

std::optional<Role> parse_role(std::string_view text);
std::optional<VerificationLevel> parse_verification_level(std::string_view text);
std::optional<CorrectionAction> parse_correction_action(std::string_view text);
std::optional<FeedMark> parse_feed_mark(std::string_view text);
std::optional<AttributionStrength> parse_attribution_strength(std::string_view text);

}  // namespace bzpeer::model

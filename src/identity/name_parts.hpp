#pragma once
// Person names in comparable form: folded family name, given-name tokens, initials,
// and the block key that keeps true matches together ("hu h" for Han Hu and H. Hu).
#include <string>
#include <vector>

namespace bzpeer::identity {

struct ParsedName {
  std::string family;               // folded, without particles or spaces: "van der Berg" -> "berg",
                                    // "Álvarez-García" -> "alvarezgarcia"
  std::vector<std::string> given;   // folded given tokens: "Yi-Fan" -> {"yi", "fan"}
  std::string given_joined;         // "yifan": "Yi-Fan", "Yifan" and "Yi Fan" compare equal
  std::string first_initial;        // the first character (UTF-8) of the given names
  bool first_is_initial = true;     // only an initial is known ("H." or "H")
  std::string middle_initials;      // initials of the given tokens after the first, concatenated
};

// Parses structured parts when the source has them, else the raw name ("Last, First",
// "First ... Last", "HU Han" with the family name in capitals, or Han characters, family
// name first). Drops suffixes (Jr., III), dots and family-name particles (van, de, al);
// diacritics and case are folded.
ParsedName parse_name(const std::string& first, const std::string& last, const std::string& raw);

// The blocking key: family name and first initial.
std::string block_key(const ParsedName& name);
// Whether two printed names ("Han Hu", "H. Hu") fall in one block: identity only ever
// joins works under names that do, so a researcher can take works printed under such a
// name and no other.
bool same_block(const std::string& printed_a, const std::string& printed_b);

enum class GivenNameMatch {
  same,        // "yifan" and "yi fan"
  first_same,  // first tokens agree, later ones differ or are missing ("han" vs "han x")
  nickname,    // one is a prefix of the other ("steve" / "steven")
  initials,    // agree as far as initials tell ("h" vs "han")
  conflict,    // two different given names: strong evidence of two people
};

GivenNameMatch compare_given(const ParsedName& a, const ParsedName& b);
// True when both carry middle initials and they disagree.
bool middle_conflict(const ParsedName& a, const ParsedName& b);

// Positive middle-name evidence: 1 when both give middle names that agree and share a
// spelled-out word ("A. Mauro B." and "Antonio Mauro B."), 0.5 when their initials agree,
// 0 when either lacks them or they differ.
double middle_agreement(const ParsedName& a, const ParsedName& b);

}  // namespace bzpeer::identity

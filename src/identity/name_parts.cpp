#include "identity/name_parts.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "core/text.hpp"

namespace bzpeer::identity {

namespace {

std::vector<std::string> tokens(const std::string& folded) { return text::split(folded, ' '); }

bool is_suffix(const std::string& t) {
  static const std::unordered_set<std::string> suffixes = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "dr", "prof"};
  return suffixes.count(t) > 0;
}

// Family-name particles (folded). They are left out of comparison: "van der Berg" and
// "Berg", "de Oliveira" and "Oliveira", "al-Sayed" and "Sayed" are one family name as
// sources print it, with or without the particle.
bool is_particle(const std::string& t) {
  static const std::unordered_set<std::string> particles = {"van", "von", "der", "den", "de", "del", "della", "di",
                                                            "da", "dos", "das", "do", "du", "la", "le", "ter",
                                                            "ten", "bin", "ibn", "al", "el"};
  return particles.count(t) > 0;
}

std::string first_char(std::string_view s) { return std::string(text::first_character(s)); }

// A Han character (CJK unified ideographs and extension A).
bool is_han(std::string_view c) {
  int cp = text::first_code_point(c);
  return c.size() == text::first_character(c).size() && ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf));
}

// A name written in Han characters without spaces ("胡瀚"): the family name comes first,
// one character, or two for the compound surnames.
bool split_han(const std::string& raw, std::string& first, std::string& last) {
  std::vector<std::string> chars;
  for (size_t i = 0; i < raw.size(); i += chars.back().size()) {
    chars.push_back(first_char(std::string_view(raw).substr(i)));
    if (!is_han(chars.back())) return false;
  }
  if (chars.size() < 2 || chars.size() > 5) return false;
  static const std::unordered_set<std::string> compound = {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐",
                                                           "慕容", "司徒", "夏侯", "尉迟", "公孙", "长孙", "宇文",
                                                           "歐陽", "諸葛", "長孫"};
  size_t family = chars.size() > 2 && compound.count(chars[0] + chars[1]) ? 2 : 1;
  last.clear();
  first.clear();
  for (size_t i = 0; i < chars.size(); ++i) (i < family ? last : first) += chars[i];
  return true;
}

bool all_caps_word(const std::string& t) {
  size_t letters = 0;
  for (char c : t) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool has_lower(const std::string& t) {
  return std::any_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Splits "Hu, Han", "Han Hu", "HU Han" (the family name in capitals) or "胡瀚" into
// (given, family) when the source gives one string. In "First ... Last" order the last
// word is the family name, hyphens and all ("Álvarez-García"); particles just before it
// are dropped.
void split_raw(const std::string& raw, std::string& first, std::string& last) {
  auto comma = raw.find(',');
  if (comma != std::string::npos) {
    last = raw.substr(0, comma);
    first = raw.substr(comma + 1);
    return;
  }
  auto words = text::split(text::squeeze_spaces(raw), ' ');
  while (!words.empty() && is_suffix(text::fold(words.back()))) words.pop_back();
  if (words.empty()) return;
  if (words.size() == 1 && split_han(words[0], first, last)) return;
  size_t family = words.size() - 1;
  size_t capitals = static_cast<size_t>(std::count_if(words.begin(), words.end(), all_caps_word));
  if (capitals == 1 && std::any_of(words.begin(), words.end(), has_lower))
    family = static_cast<size_t>(std::find_if(words.begin(), words.end(), all_caps_word) - words.begin());
  last = words[family];
  size_t given_end = family == words.size() - 1 ? family : words.size();
  // Particles just before a last-word family name, keeping at least one given word.
  if (given_end == family)
    while (given_end > 1 && is_particle(text::fold(words[given_end - 1]))) --given_end;
  first.clear();
  for (size_t i = 0; i < given_end; ++i)
    if (i != family) first += (first.empty() ? "" : " ") + words[i];
}

}  // namespace

ParsedName parse_name(const std::string& first_in, const std::string& last_in, const std::string& raw) {
  std::string first = first_in, last = last_in;
  if (last.empty()) split_raw(raw, first, last);
  ParsedName name;
  auto family_tokens = tokens(text::fold(last));
  while (family_tokens.size() > 1 && is_suffix(family_tokens.back())) family_tokens.pop_back();
  size_t core = 0;
  while (core + 1 < family_tokens.size() && is_particle(family_tokens[core])) ++core;
  for (size_t i = core; i < family_tokens.size(); ++i) name.family += family_tokens[i];
  for (auto& t : tokens(text::fold(first)))
    if (!is_suffix(t)) name.given.push_back(std::move(t));
  // "JohnSmith"-style glued initials are rare; "J.R." folds to "j r", which is right.
  for (const auto& t : name.given) name.given_joined += t;
  if (!name.given.empty()) {
    // Initials are characters, not bytes: Greek, Cyrillic and Han names have many
    // letters that share a first byte.
    name.first_initial = first_char(name.given[0]);
    // One letter is an initial; one Han character is a whole given name.
    name.first_is_initial = name.first_initial.size() == name.given[0].size() && !is_han(name.first_initial);
    for (size_t i = 1; i < name.given.size(); ++i) name.middle_initials += first_char(name.given[i]);
  }
  return name;
}

std::string block_key(const ParsedName& name) {
  std::string key = name.family;
  key.push_back(' ');
  key += name.first_initial;
  return key;
}

bool same_block(const std::string& printed_a, const std::string& printed_b) {
  return block_key(parse_name("", "", printed_a)) == block_key(parse_name("", "", printed_b));
}

GivenNameMatch compare_given(const ParsedName& a, const ParsedName& b) {
  if (a.given.empty() || b.given.empty()) return GivenNameMatch::initials;
  if (a.first_initial != b.first_initial) return GivenNameMatch::conflict;
  if (a.first_is_initial || b.first_is_initial) return GivenNameMatch::initials;
  if (a.given_joined == b.given_joined) return GivenNameMatch::same;
  if (a.given[0] == b.given[0]) return GivenNameMatch::first_same;
  const std::string& x = a.given[0];
  const std::string& y = b.given[0];
  const std::string& shorter = x.size() < y.size() ? x : y;
  const std::string& longer = x.size() < y.size() ? y : x;
  if (shorter.size() >= 3 && longer.compare(0, shorter.size(), shorter) == 0) return GivenNameMatch::nickname;
  // "yi fan" against "yifan" is handled by given_joined; "yifan" against "yi" is a prefix too.
  if (a.given_joined.rfind(b.given_joined, 0) == 0 || b.given_joined.rfind(a.given_joined, 0) == 0)
    return GivenNameMatch::nickname;
  return GivenNameMatch::conflict;
}

bool middle_conflict(const ParsedName& a, const ParsedName& b) {
  if (a.middle_initials.empty() || b.middle_initials.empty()) return false;
  return first_char(a.middle_initials) != first_char(b.middle_initials);
}

double middle_agreement(const ParsedName& a, const ParsedName& b) {
  if (a.middle_initials.empty() || b.middle_initials.empty()) return 0;
  const auto& shorter = a.middle_initials.size() <= b.middle_initials.size() ? a.middle_initials : b.middle_initials;
  const auto& longer = a.middle_initials.size() <= b.middle_initials.size() ? b.middle_initials : a.middle_initials;
  if (longer.compare(0, shorter.size(), shorter) != 0) return 0;
  for (size_t i = 1; i < a.given.size(); ++i)
    for (size_t j = 1; j < b.given.size(); ++j)
      if (a.given[i].size() > 1 && a.given[i] == b.given[j]) return 1;
  return 0.5;
}

}  // namespace bzpeer::identity

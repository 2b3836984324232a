#include "identity/name_parts.hpp"

#include <unordered_set>

#include "core/text.hpp"

namespace bzpeer::identity {

namespace {

std::vector<std::string> tokens(const std::string& folded) { return text::split(folded, ' '); }

bool is_suffix(const std::string& t) {
  static const std::unordered_set<std::string> suffixes = {"jr", "sr", "ii", "iii", "iv", "phd", "md", "dr", "prof"};
  return suffixes.count(t) > 0;
}

// Splits "Hu, Han" or "Han Hu" into (given, family) when the source gives one string.
void split_raw(const std::string& raw, std::string& first, std::string& last) {
  auto comma = raw.find(',');
  if (comma != std::string::npos) {
    last = raw.substr(0, comma);
    first = raw.substr(comma + 1);
    return;
  }
  auto folded = text::fold(raw);
  auto parts = tokens(folded);
  while (!parts.empty() && is_suffix(parts.back())) parts.pop_back();
  if (parts.empty()) return;
  last = parts.back();
  first.clear();
  for (size_t i = 0; i + 1 < parts.size(); ++i) first += (i ? " " : "") + parts[i];
}

}  // namespace

ParsedName parse_name(const std::string& first_in, const std::string& last_in, const std::string& raw) {
  std::string first = first_in, last = last_in;
  if (last.empty()) split_raw(raw, first, last);
  ParsedName name;
  auto family_tokens = tokens(text::fold(last));
  while (family_tokens.size() > 1 && is_suffix(family_tokens.back())) family_tokens.pop_back();
  for (const auto& t : family_tokens) name.family += t;
  for (auto& t : tokens(text::fold(first)))
    if (!is_suffix(t)) name.given.push_back(std::move(t));
  // "JohnSmith"-style glued initials are rare; "J.R." folds to "j r", which is right.
  for (const auto& t : name.given) name.given_joined += t;
  if (!name.given.empty()) {
    name.first_initial = name.given[0][0];
    name.first_is_initial = name.given[0].size() == 1;
    for (size_t i = 1; i < name.given.size(); ++i) name.middle_initials.push_back(name.given[i][0]);
  }
  return name;
}

std::string block_key(const ParsedName& name) {
  std::string key = name.family;
  key.push_back(' ');
  if (name.first_initial) key.push_back(name.first_initial);
  return key;
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
  return a.middle_initials[0] != b.middle_initials[0];
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

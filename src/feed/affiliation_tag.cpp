#include "feed/affiliation_tag.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace bzpeer::feed {

namespace {
// Words that say what kind of body an institution is, in the languages affiliations
// are most often printed in.
constexpr std::array<std::string_view, 52> kGeneric = {
    "university", "universidad", "universidade", "universite", "universitat", "universita", "univ", "college",
    "school", "institute", "institut", "instituto", "istituto", "department", "dept", "faculty", "laboratory",
    "laboratories", "lab", "labs", "research", "center", "centre", "national", "state", "key", "academy",
    "sciences", "science", "technology", "engineering", "computer", "of", "the", "and", "for", "de", "des", "di",
    "inc", "fur", "und", "du", "la", "le", "informatik", "informatique", "informatics", "computing", "division",
    "graduate", "group"};

bool generic(const std::string& w) {
  return w.size() < 2 || std::find(kGeneric.begin(), kGeneric.end(), w) != kGeneric.end();
}
}  // namespace

std::string affiliation_tag(std::string_view affiliation) {
  // Parts in order ("Institut für Informatik, Universität Zürich"): the first word
  // that is not generic names the place; failing that, the first word at all.
  std::string first;
  for (const auto& part : text::split(affiliation, ',')) {
    for (const auto& w : text::words(text::fold(part))) {
      if (first.empty()) first = w;
      if (!generic(w)) return w;
    }
  }
  return first;
}

}  // namespace bzpeer::feed

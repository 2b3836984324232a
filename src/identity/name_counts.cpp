#include "identity/name_counts.hpp"

#include <set>
#include <tuple>

#include "identity/name_parts.hpp"

namespace bzpeer::identity {

namespace {

void drop_rare(std::map<std::string, std::uint32_t>& counts, std::uint32_t min_count) {
  for (auto it = counts.begin(); it != counts.end();) it = it->second < min_count ? counts.erase(it) : std::next(it);
}

}  // namespace

NameCounts count_names(const std::vector<model::Work>& works, std::uint32_t min_count) {
  // One person per distinct full name, so a prolific author counts once, not per paper.
  // Names known only by initials are left out: "H. Hu" may be any of the Hus counted.
  std::set<std::tuple<std::string, std::string, std::string>> people;  // family, joined given, first given
  for (const auto& w : works)
    for (const auto& a : w.authors) {
      ParsedName name = parse_name(a.first, a.last, a.raw_name);
      if (!name.family.empty() && !name.first_is_initial && !name.given.empty())
        people.emplace(name.family, name.given_joined, name.given[0]);
    }
  NameCounts counts;
  for (const auto& [family, joined, first] : people) {
    ++counts.family[family];
    ++counts.given[first];
  }
  drop_rare(counts.family, min_count);
  drop_rare(counts.given, min_count);
  return counts;
}

}  // namespace bzpeer::identity

#include "identity/given_name_counts.hpp"

#include "identity/name_parts.hpp"

namespace bzpeer::identity {

GivenNameCounts count_given_names(const std::vector<model::Work>& works, std::uint32_t min_count) {
  GivenNameCounts counts;
  for (const auto& w : works)
    for (const auto& a : w.authors) {
      ParsedName name = parse_name(a.first, a.last, a.raw_name);
      if (!name.first_is_initial && !name.given.empty()) ++counts[name.given[0]];
    }
  for (auto it = counts.begin(); it != counts.end();) it = it->second < min_count ? counts.erase(it) : std::next(it);
  return counts;
}

}  // namespace bzpeer::identity

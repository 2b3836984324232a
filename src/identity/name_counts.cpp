#include "identity/name_counts.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "identity/name_parts.hpp"

namespace bzpeer::identity {

namespace {

void drop_rare(std::map<std::string, std::uint32_t>& counts, std::uint32_t min_count) {
  for (auto it = counts.begin(); it != counts.end();) it = it->second < min_count ? counts.erase(it) : std::next(it);
}

using People = std::set<std::tuple<std::string, std::string, std::string>>;  // family, joined given, first given

// One person per distinct full name, so a prolific author counts once, not per paper.
// Names known only by initials are left out: "H. Hu" may be any of the Hus counted.
void add_person(People& people, const ParsedName& name) {
  if (!name.family.empty() && !name.first_is_initial && !name.given.empty())
    people.emplace(name.family, name.given_joined, name.given[0]);
}

NameCounts counted(const People& people, std::uint32_t min_count) {
  NameCounts counts;
  for (const auto& [family, joined, first] : people) {
    ++counts.family[family];
    ++counts.given[first];
  }
  drop_rare(counts.family, min_count);
  drop_rare(counts.given, min_count);
  return counts;
}

}  // namespace

NameCounts count_names(const std::vector<model::Work>& works, std::uint32_t min_count) {
  People people;
  for (const auto& w : works)
    for (const auto& a : w.authors) add_person(people, parse_name(a.first, a.last, a.raw_name));
  return counted(people, min_count);
}

NameCounts count_names(const EvidenceSet& set, std::uint32_t min_count) {
  People people;
  for (const auto& s : set.signatures) add_person(people, s.name);
  return counted(people, min_count);
}

NameCounts count_names(const std::vector<store::AuthorshipRow>& rows, std::uint32_t min_count) {
  People people;
  for (const auto& r : rows) add_person(people, parse_name(r.first, r.last, r.raw_name));
  return counted(people, min_count);
}

NameCounts with_corpus_counts(NameCounts reference, const NameCounts& corpus) {
  for (auto [into, from] : {std::pair{&reference.given, &corpus.given}, std::pair{&reference.family, &corpus.family}})
    for (const auto& [name, count] : *from) {
      auto& mine = (*into)[name];
      mine = std::max(mine, count);
    }
  return reference;
}

}  // namespace bzpeer::identity

#include "identity/linkage_rules.hpp"

#include <unordered_map>

namespace bzpeer::identity {

bool cannot_link(const Signature& a, const Signature& b) {
  if (!a.person_id.empty() && !b.person_id.empty() && a.person_id != b.person_id) return true;
  return a.work == b.work;
}

bool solo(const EvidenceSet& set, const Signature& s) { return set.works[s.work].author_keys.size() <= 1; }

double pair_probability(const EvidenceSet& set, const Signature& a, const Signature& b, const PairModel& model) {
  if (!a.person_id.empty() && a.person_id == b.person_id) return 1.0;
  if (solo(set, a) && solo(set, b)) return 0.0;
  return model.probability(pair_features(set, a, b, model.name_counts));
}

double name_only_probability(const Signature& a, const Signature& b, const PairModel& model) {
  return model.probability(name_features(a.name, b.name, model.name_counts));
}

std::vector<std::vector<size_t>> must_link_groups(const EvidenceSet& set, const std::vector<size_t>& members) {
  std::vector<std::vector<size_t>> groups;
  std::unordered_map<std::string, size_t> group_of_person;
  for (size_t m : members) {
    const auto& person = set.signatures[m].person_id;
    if (person.empty()) {
      groups.push_back({m});
      continue;
    }
    auto [it, inserted] = group_of_person.try_emplace(person, groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(m);
  }
  return groups;
}

}  // namespace bzpeer::identity

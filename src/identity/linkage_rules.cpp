#include "identity/linkage_rules.hpp"

#include <numeric>
#include <unordered_map>

namespace bzpeer::identity {

bool cannot_link(const Signature& a, const Signature& b) {
  if (!a.person_id.empty() && !b.person_id.empty() && a.person_id != b.person_id) return true;
  if (!a.orcid.empty() && !b.orcid.empty() && a.orcid != b.orcid) return true;
  return a.work == b.work;
}

bool given_names_conflict(const std::string& a, const std::string& b) {
  return a != b && a.rfind(b, 0) != 0 && b.rfind(a, 0) != 0;
}

bool given_names_conflict(const Signature& a, const Signature& b) {
  return !a.name.first_is_initial && !b.name.first_is_initial &&
         given_names_conflict(a.name.given_joined, b.name.given_joined);
}

bool same_identifier(const Signature& a, const Signature& b) {
  return (!a.orcid.empty() && a.orcid == b.orcid) || (!a.email.empty() && a.email == b.email);
}

bool certainly_one_person(const Signature& a, const Signature& b) {
  return (!a.person_id.empty() && a.person_id == b.person_id) || same_identifier(a, b);
}

bool solo(const EvidenceSet& set, const Signature& s) { return set.works[s.work].author_keys.size() <= 1; }

bool solo_with_text(const EvidenceSet& set, const Signature& s) {
  return solo(set, s) && !set.works[s.work].terms.empty();
}

bool left_to_topic_stage(const EvidenceSet& set, const Signature& a, const Signature& b) {
  return solo_with_text(set, a) && solo_with_text(set, b) && !one_cites_the_other(set, a, b);
}

double pair_probability(const EvidenceSet& set, const Signature& a, const Signature& b, const PairModel& model) {
  if (certainly_one_person(a, b)) return 1.0;
  if (left_to_topic_stage(set, a, b)) return 0.0;
  return model.probability(pair_features(set, a, b, model.name_counts));
}

double unlinked_probability(const EvidenceSet& set, const Signature& a, const Signature& b, const PairModel& model) {
  return model.probability(unlinked_features(set, a, b, model.name_counts));
}

std::vector<std::vector<size_t>> must_link_groups(const EvidenceSet& set, const std::vector<size_t>& members) {
  // Union-find over the members, joined through every identifier they carry.
  std::vector<size_t> parent(members.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::unordered_map<std::string, size_t> holder;  // identifier -> a member carrying it
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& s = set.signatures[members[i]];
    for (const auto& identifier : {s.person_id.empty() ? "" : "person:" + s.person_id,
                                   s.orcid.empty() ? "" : "orcid:" + s.orcid, s.email.empty() ? "" : "email:" + s.email}) {
      if (identifier.empty()) continue;
      auto [it, inserted] = holder.try_emplace(identifier, i);
      if (!inserted) parent[root(i)] = root(it->second);
    }
  }
  std::vector<std::vector<size_t>> groups;
  std::unordered_map<size_t, size_t> group_of_root;
  for (size_t i = 0; i < members.size(); ++i) {
    auto [it, inserted] = group_of_root.try_emplace(root(i), groups.size());
    if (inserted) groups.emplace_back();
    groups[it->second].push_back(members[i]);
  }
  return groups;
}

}  // namespace bzpeer::identity

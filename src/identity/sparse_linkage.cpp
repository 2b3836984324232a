#include "identity/sparse_linkage.hpp"

#include <algorithm>
#include <numeric>
#include <queue>
#include <unordered_map>

#include <absl/container/flat_hash_map.h>

#include "identity/linkage_rules.hpp"

namespace bzpeer::identity {

namespace {

constexpr size_t kSalientTerms = 6;  // terms per signature used to find candidates

// Signature pairs (indices into `members`) that share a co-author key or a salient term,
// or whose works cite one another.
// Keys shared by more than `max_posting` signatures are too common to tell.
std::vector<std::pair<std::uint32_t, std::uint32_t>> candidate_pairs(const EvidenceSet& set,
                                                                     const std::vector<size_t>& members,
                                                                     size_t max_posting) {
  absl::flat_hash_map<std::uint64_t, std::vector<std::uint32_t>> postings;
  for (std::uint32_t i = 0; i < members.size(); ++i) {
    const auto& s = set.signatures[members[i]];
    const auto& w = set.works[s.work];
    for (auto key : w.author_keys)
      if (key != s.own_key) postings[key].push_back(i);
    std::vector<TermWeight> terms = w.terms;
    size_t salient = std::min(kSalientTerms, terms.size());
    std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(salient), terms.end(),
                      [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    for (size_t t = 0; t < salient; ++t) postings[(1ULL << 63) | terms[t].term].push_back(i);
    // A work is posted under its own id and under the ids it cites: a citing and a cited
    // work meet there. (Mixed with a constant to stay apart from author keys.)
    constexpr std::uint64_t kWorkIdSalt = 0x9e3779b97f4a7c15ULL;
    if (w.id) postings[w.id ^ kWorkIdSalt].push_back(i);
    for (auto cited : w.cited) postings[cited ^ kWorkIdSalt].push_back(i);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
  for (auto& [key, list] : postings) {
    if (list.size() < 2 || list.size() > max_posting) continue;
    for (size_t x = 0; x < list.size(); ++x)
      for (size_t y = x + 1; y < list.size(); ++y) out.emplace_back(list[x], list[y]);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The scored links between two clusters.
struct Links {
  double sum = 0;       // of the scored pairs' probabilities
  double pairs = 0;     // scored pairs
  double solo_pairs = 0;  // of them, pairs of two solo works (scored 0 by rule)
  bool forbidden = false;
};

struct Cluster {
  std::vector<size_t> members;            // signature indices
  size_t representative = 0;              // the signature whose name stands for the cluster
  double solo = 0;                        // members on solo works
  std::vector<std::string> given;         // distinct spelled-out given names
  std::string person;                     // a person id, if any member has one
  std::string orcid;                      // an ORCID iD, if any member has one
  // By neighbouring cluster. An open-addressing map: merges spend most of their time
  // moving these entries (std::unordered_map made the largest blocks 1.7x slower).
  absl::flat_hash_map<std::uint32_t, Links> links;
  std::uint32_t version = 0;
};

// The fuller name speaks for a cluster: spelled-out beats initials, longer beats shorter.
bool fuller(const ParsedName& a, const ParsedName& b) {
  if (a.first_is_initial != b.first_is_initial) return !a.first_is_initial;
  return a.given_joined.size() + a.middle_initials.size() > b.given_joined.size() + b.middle_initials.size();
}

bool names_conflict(const Cluster& a, const Cluster& b) {
  for (const auto& x : a.given)
    for (const auto& y : b.given)
      if (given_names_conflict(x, y)) return true;
  return false;
}

}  // namespace

std::vector<std::vector<size_t>> sparse_average_linkage(const EvidenceSet& set, const std::vector<size_t>& members,
                                                        const PairModel& model, const ClusteringLimits& limits) {
  // Clusters start as must-link groups (one person id, one cluster).
  auto groups = must_link_groups(set, members);
  std::vector<Cluster> clusters(groups.size());
  absl::flat_hash_map<size_t, std::uint32_t> cluster_of;  // signature -> its first cluster
  for (size_t c = 0; c < groups.size(); ++c) {
    auto& cluster = clusters[c];
    cluster.members = std::move(groups[c]);
    cluster.representative = cluster.members[0];
    for (size_t s : cluster.members) {
      const auto& sig = set.signatures[s];
      cluster_of[s] = static_cast<std::uint32_t>(c);
      if (solo_with_text(set, sig)) cluster.solo += 1;
      if (!sig.name.first_is_initial &&
          std::find(cluster.given.begin(), cluster.given.end(), sig.name.given_joined) == cluster.given.end())
        cluster.given.push_back(sig.name.given_joined);
      if (fuller(sig.name, set.signatures[cluster.representative].name)) cluster.representative = s;
      if (!sig.person_id.empty()) cluster.person = sig.person_id;
      if (!sig.orcid.empty()) cluster.orcid = sig.orcid;
    }
  }
  for (auto [x, y] : candidate_pairs(set, members, limits.max_posting)) {
    size_t a = members[x], b = members[y];
    std::uint32_t ca = cluster_of[a], cb = cluster_of[b];
    if (ca == cb) continue;
    const auto& sa = set.signatures[a];
    const auto& sb = set.signatures[b];
    auto& link = clusters[ca].links[cb];
    if (cannot_link(sa, sb)) link.forbidden = true;
    link.sum += pair_probability(set, sa, sb, model);
    link.pairs += 1;
    if (left_to_topic_stage(set, sa, sb)) link.solo_pairs += 1;
    clusters[cb].links[ca] = link;
  }

  // The names-alone probability of two representatives, by their distinct name forms:
  // a block holds few of them ("wei wang", "w wang", "wei m wang"), so each pair of forms
  // is asked of the model once.
  std::unordered_map<std::string, std::uint32_t> form_ids;
  std::unordered_map<size_t, std::uint32_t> form_of;  // representative signature -> form
  auto form = [&](size_t signature) {
    auto it = form_of.find(signature);
    if (it != form_of.end()) return it->second;
    const auto& n = set.signatures[signature].name;
    std::string key = n.family + '|' + n.given_joined + '|' + n.middle_initials + (n.first_is_initial ? "|i" : "|f");
    auto [id, inserted] = form_ids.try_emplace(std::move(key), static_cast<std::uint32_t>(form_ids.size()));
    return form_of[signature] = id->second;
  };
  // Keyed by the two forms, how many co-authors the sparser work lists (up to 255) and
  // whether both have words: all the unlinked features read of the works.
  std::unordered_map<std::uint64_t, double> prior_of_forms;
  auto prior = [&](size_t a, size_t b) {
    std::uint64_t fa = form(a), fb = form(b);
    const auto& sa = set.signatures[a];
    const auto& sb = set.signatures[b];
    std::uint64_t fewer = std::min<size_t>(255, std::min(coauthor_count(set, sa), coauthor_count(set, sb)));
    std::uint64_t text = !set.works[sa.work].terms.empty() && !set.works[sb.work].terms.empty();
    std::uint64_t key = std::min(fa, fb) << 36 | std::max(fa, fb) << 9 | fewer << 1 | text;
    auto it = prior_of_forms.find(key);
    if (it != prior_of_forms.end()) return it->second;
    return prior_of_forms[key] = unlinked_probability(set, sa, sb, model);
  };
  // The average over all pairs of two clusters: scored pairs as scored, the others at
  // the probability of the two names alone (0 for two solo works, as when scored).
  auto average = [&](size_t a, size_t b) {
    const auto& x = clusters[a];
    const auto& y = clusters[b];
    const Links& link = x.links.at(b);
    double all = static_cast<double>(x.members.size()) * static_cast<double>(y.members.size());
    double unscored = all - link.pairs;
    double unscored_solo = std::max(0.0, x.solo * y.solo - link.solo_pairs);
    return (link.sum + (unscored - unscored_solo) * prior(x.representative, y.representative)) / all;
  };
  // Merges go best average first. A merged cluster's average with a neighbour is a
  // weighted mean of its parts' averages, so it never exceeds the larger of them: the
  // queue's entries are upper bounds, and an entry is recomputed only when it comes out
  // on top (lazily), instead of re-queuing every neighbour after every merge.
  struct Candidate {
    double average;
    std::uint32_t a, b;            // clusters when queued (may have merged since)
    std::uint32_t version_a, version_b;
    bool operator<(const Candidate& o) const {
      if (average != o.average) return average < o.average;
      return std::tie(a, b) > std::tie(o.a, o.b);
    }
  };
  std::vector<std::uint32_t> parent(clusters.size());
  std::iota(parent.begin(), parent.end(), 0u);
  auto find = [&](std::uint32_t c) {
    while (parent[c] != c) c = parent[c] = parent[parent[c]];
    return c;
  };
  std::priority_queue<Candidate> queue;
  auto offer = [&](std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    if (clusters[a].links.at(b).forbidden) return;
    double avg = average(a, b);
    if (avg > model.threshold) queue.push({avg, a, b, clusters[a].version, clusters[b].version});
  };
  for (std::uint32_t a = 0; a < clusters.size(); ++a)
    for (const auto& [b, link] : clusters[a].links)
      if (a < b) offer(a, static_cast<std::uint32_t>(b));

  while (!queue.empty()) {
    Candidate top = queue.top();
    queue.pop();
    std::uint32_t a = find(top.a), b = find(top.b);
    if (a == b) continue;
    if (a != top.a || b != top.b || clusters[a].version != top.version_a || clusters[b].version != top.version_b) {
      if (clusters[a].links.count(b)) offer(a, b);  // stale: queue its current average
      continue;
    }
    // The cluster with more links survives, so each merge moves the smaller link table.
    std::uint32_t kept = a, gone = b;
    if (clusters[gone].links.size() > clusters[kept].links.size()) std::swap(kept, gone);
    auto& into = clusters[kept];
    auto& from = clusters[gone];
    auto differ = [](const std::string& x, const std::string& y) { return !x.empty() && !y.empty() && x != y; };
    if (differ(into.person, from.person) || differ(into.orcid, from.orcid) || names_conflict(into, from)) {
      into.links.at(gone).forbidden = true;
      from.links.at(kept).forbidden = true;
      continue;
    }
    // Merge `from` into `into`, and its links into theirs.
    into.members.insert(into.members.end(), from.members.begin(), from.members.end());
    into.solo += from.solo;
    for (auto& name : from.given)
      if (std::find(into.given.begin(), into.given.end(), name) == into.given.end()) into.given.push_back(name);
    if (into.person.empty()) into.person = from.person;
    if (into.orcid.empty()) into.orcid = from.orcid;
    if (fuller(set.signatures[from.representative].name, set.signatures[into.representative].name))
      into.representative = from.representative;
    into.links.erase(gone);
    for (auto& [k, link] : from.links) {
      if (k == kept) continue;
      auto& mine = into.links[k];
      mine.sum += link.sum;
      mine.pairs += link.pairs;
      mine.solo_pairs += link.solo_pairs;
      mine.forbidden = mine.forbidden || link.forbidden;
      auto& theirs = clusters[k].links;
      theirs.erase(gone);
      theirs[kept] = mine;
    }
    from.links = {};
    from.members = {};
    parent[gone] = kept;
    ++into.version;
  }
  std::vector<std::vector<size_t>> out;
  for (std::uint32_t c = 0; c < clusters.size(); ++c)
    if (find(c) == c) out.push_back(std::move(clusters[c].members));
  return out;
}

}  // namespace bzpeer::identity

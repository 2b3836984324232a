#include "identity/sparse_linkage.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

#include <absl/container/flat_hash_map.h>

#include "identity/block_scorer.hpp"
#include "identity/linkage_rules.hpp"

namespace bzpeer::identity {

namespace {

constexpr size_t kSalientTerms = 6;  // terms per signature used to find candidates

// Signature pairs (indices into `members`) that share a co-author key or a salient term,
// or whose works cite one another.
// Keys shared by more than `max_posting` signatures are too common to tell, so a
// signature has at most (its keys) x `max_posting` pairs. Pairs come sorted.
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
  // The representative's kind, as the names-alone probability reads it.
  std::uint32_t form = 0;
  std::uint8_t coauthors = 0;
  bool has_text = false;
  bool merged = false;  // into another cluster
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
  std::vector<std::uint32_t> cluster_of(members.size());  // member -> its first cluster
  {
    absl::flat_hash_map<size_t, std::uint32_t> member_of;  // signature -> its index in members
    for (std::uint32_t i = 0; i < members.size(); ++i) member_of[members[i]] = i;
    for (size_t c = 0; c < groups.size(); ++c) {
      auto& cluster = clusters[c];
      cluster.members = std::move(groups[c]);
      cluster.representative = cluster.members[0];
      for (size_t s : cluster.members) {
        const auto& sig = set.signatures[s];
        cluster_of[member_of[s]] = static_cast<std::uint32_t>(c);
        if (solo_with_text(set, sig)) cluster.solo += 1;
        if (!sig.name.first_is_initial &&
            std::find(cluster.given.begin(), cluster.given.end(), sig.name.given_joined) == cluster.given.end())
          cluster.given.push_back(sig.name.given_joined);
        if (fuller(sig.name, set.signatures[cluster.representative].name)) cluster.representative = s;
        if (!sig.person_id.empty()) cluster.person = sig.person_id;
        if (!sig.orcid.empty()) cluster.orcid = sig.orcid;
      }
    }
  }
  BlockScorer scorer(set, members, model);
  std::uint32_t focused = UINT32_MAX;
  for (auto [x, y] : candidate_pairs(set, members, limits.max_posting)) {  // in order of x
    std::uint32_t ca = cluster_of[x], cb = cluster_of[y];
    if (ca == cb) continue;
    const auto& sa = set.signatures[members[x]];
    const auto& sb = set.signatures[members[y]];
    auto& link = clusters[ca].links[cb];
    if (cannot_link(sa, sb)) link.forbidden = true;
    if (x != focused) scorer.focus(focused = x);
    link.sum += scorer.probability(y);
    link.pairs += 1;
    if (left_to_topic_stage(set, sa, sb)) link.solo_pairs += 1;
    clusters[cb].links[ca] = link;
  }

  // The names-alone probability of two representatives. It reads their name forms, how
  // many co-authors the sparser work lists (up to 255) and whether both have words: a
  // block holds few such kinds ("wei wang", "w wang", "wei m wang"), so each pair of
  // kinds is asked of the model once.
  std::unordered_map<std::string, std::uint32_t> form_ids;
  auto describe = [&](Cluster& cluster) {
    const auto& sig = set.signatures[cluster.representative];
    const auto& n = sig.name;
    std::string key = n.family + '|' + n.given_joined + '|' + n.middle_initials + (n.first_is_initial ? "|i" : "|f");
    cluster.form = form_ids.try_emplace(std::move(key), static_cast<std::uint32_t>(form_ids.size())).first->second;
    cluster.coauthors = static_cast<std::uint8_t>(std::min<size_t>(255, coauthor_count(set, sig)));
    cluster.has_text = !set.works[sig.work].terms.empty();
  };
  for (auto& cluster : clusters) describe(cluster);
  absl::flat_hash_map<std::uint64_t, double> prior_of_kinds;
  auto prior = [&](const Cluster& x, const Cluster& y) {
    std::uint64_t fa = x.form, fb = y.form;
    std::uint64_t fewer = std::min(x.coauthors, y.coauthors);
    std::uint64_t text = x.has_text && y.has_text;
    std::uint64_t key = std::min(fa, fb) << 36 | std::max(fa, fb) << 9 | fewer << 1 | text;
    auto it = prior_of_kinds.find(key);
    if (it != prior_of_kinds.end()) return it->second;
    double p = unlinked_probability(set, set.signatures[x.representative], set.signatures[y.representative], model);
    prior_of_kinds.emplace(key, p);
    return p;
  };
  // The average over all pairs of two clusters: scored pairs as scored, the others at
  // the probability of the two names alone (0 for two solo works, as when scored).
  auto average = [&](const Cluster& x, const Cluster& y, const Links& link) {
    double all = static_cast<double>(x.members.size()) * static_cast<double>(y.members.size());
    double unscored = all - link.pairs;
    double unscored_solo = std::max(0.0, x.solo * y.solo - link.solo_pairs);
    return (link.sum + (unscored - unscored_solo) * prior(x, y)) / all;
  };

  // Joins two clusters unless their ids or given names say they are two people (then
  // their link is forbidden for good); says whether it did.
  auto try_merge = [&](std::uint32_t a, std::uint32_t b) {
    // The cluster with more links survives, so each merge moves the smaller link table.
    std::uint32_t kept = a, gone = b;
    if (clusters[gone].links.size() > clusters[kept].links.size()) std::swap(kept, gone);
    auto& into = clusters[kept];
    auto& from = clusters[gone];
    auto differ = [](const std::string& x, const std::string& y) { return !x.empty() && !y.empty() && x != y; };
    if (differ(into.person, from.person) || differ(into.orcid, from.orcid) || names_conflict(into, from)) {
      into.links.at(gone).forbidden = true;
      from.links.at(kept).forbidden = true;
      return false;
    }
    // Merge `from` into `into`, and its links into theirs.
    into.members.insert(into.members.end(), from.members.begin(), from.members.end());
    into.solo += from.solo;
    for (auto& name : from.given)
      if (std::find(into.given.begin(), into.given.end(), name) == into.given.end()) into.given.push_back(name);
    if (into.person.empty()) into.person = from.person;
    if (into.orcid.empty()) into.orcid = from.orcid;
    if (fuller(set.signatures[from.representative].name, set.signatures[into.representative].name)) {
      into.representative = from.representative;
      describe(into);
    }
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
    from.merged = true;
    return true;
  };

  // Merges by nearest-neighbour chains: follow each cluster to its nearest neighbour
  // (best average above the threshold), that one to its own, and so on, until two are
  // each other's nearest, and merge those. A merged cluster's average with a third is
  // (up to its representative's name) a weighted mean of its parts' averages, so never
  // above the larger: merges elsewhere do not change who is nearest to whom along the
  // chain, and the merges are those of best-average-first, while each step reads only
  // one cluster's links, with no queue of every pair.
  constexpr std::uint32_t kNone = UINT32_MAX;
  auto nearest = [&](std::uint32_t c, std::uint32_t prefer) {
    double best = model.threshold;
    std::uint32_t who = kNone;
    const Cluster& x = clusters[c];
    for (const auto& [k, link] : x.links) {
      if (link.forbidden) continue;
      double avg = average(x, clusters[k], link);
      // Ties go to the chain's previous cluster (else the chain could circle), then
      // to the lower index.
      if (avg > best || (avg == best && who != kNone && who != prefer && (k == prefer || k < who))) {
        best = avg;
        who = k;
      }
    }
    return who;
  };
  std::vector<char> settled(clusters.size(), 0), in_chain(clusters.size(), 0);
  std::vector<std::uint32_t> chain;
  auto push = [&](std::uint32_t c) {
    chain.push_back(c);
    in_chain[c] = 1;
  };
  auto pop = [&] {
    in_chain[chain.back()] = 0;
    chain.pop_back();
  };
  for (std::uint32_t start = 0; start < clusters.size(); ++start) {
    if (settled[start] || clusters[start].merged) continue;
    push(start);
    while (!chain.empty()) {
      std::uint32_t c = chain.back();
      std::uint32_t previous = chain.size() >= 2 ? chain[chain.size() - 2] : kNone;
      std::uint32_t n = nearest(c, previous);
      if (n == kNone) {  // nothing above the threshold, now or after any later merge
        settled[c] = 1;
        pop();
      } else if (n == previous) {  // each other's nearest: merge (or keep apart for good)
        pop();
        pop();
        if (!try_merge(c, n)) push(n);
      } else if (in_chain[n]) {  // the names' part of an average moved: start again here
        while (!chain.empty()) pop();
        push(c);
      } else {
        push(n);
      }
    }
  }
  std::vector<std::vector<size_t>> out;
  for (auto& cluster : clusters)
    if (!cluster.merged) out.push_back(std::move(cluster.members));
  return out;
}

}  // namespace bzpeer::identity

#include "identity/block_clustering.hpp"

#include "core/parallel.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace bzpeer::identity {

namespace {

constexpr size_t kSalientTerms = 6;  // large blocks: terms per signature used to find candidates

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
};

// Signatures that can never be one person: different person ids, or the same work.
bool cannot_link(const Signature& a, const Signature& b) {
  if (!a.person_id.empty() && !b.person_id.empty() && a.person_id != b.person_id) return true;
  return a.work == b.work;
}

// A work with no co-authors: the pairwise model, trained on works that have them, has
// only the name and a few title words to go on for two such signatures.
bool solo(const EvidenceSet& set, const Signature& s) { return set.works[s.work].author_keys.size() <= 1; }

// The model's probability, except for two solo works: those are left to the topic
// (centroid) stage below, which compares whole clusters rather than single papers.
double pair_probability(const EvidenceSet& set, const Signature& a, const Signature& b,
                        const PairModel& model) {
  if (!a.person_id.empty() && a.person_id == b.person_id) return 1.0;
  if (solo(set, a) && solo(set, b)) return 0.0;
  return model.probability(pair_features(set, a, b, model.name_counts));
}

// Initial groups: signatures sharing a person id are one person from the start.
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

std::vector<std::vector<size_t>> dense_average_linkage(const EvidenceSet& set, const std::vector<size_t>& members,
                                                       const PairModel& model) {
  auto groups = must_link_groups(set, members);
  size_t g = groups.size();
  std::vector<std::vector<double>> sum(g, std::vector<double>(g, 0.0));
  std::vector<std::vector<char>> forbidden(g, std::vector<char>(g, 0));
  for (size_t i = 0; i < g; ++i)
    for (size_t j = i + 1; j < g; ++j) {
      double total = 0;
      bool blocked = false;
      for (size_t a : groups[i])
        for (size_t b : groups[j]) {
          const auto& sa = set.signatures[a];
          const auto& sb = set.signatures[b];
          if (cannot_link(sa, sb)) blocked = true;
          total += pair_probability(set, sa, sb, model);
        }
      sum[i][j] = sum[j][i] = total;
      forbidden[i][j] = forbidden[j][i] = blocked;
    }
  std::vector<double> size(g);
  for (size_t i = 0; i < g; ++i) size[i] = static_cast<double>(groups[i].size());
  std::vector<char> active(g, 1);
  for (;;) {
    double best = model.threshold;
    size_t bi = g, bj = g;
    for (size_t i = 0; i < g; ++i) {
      if (!active[i]) continue;
      for (size_t j = i + 1; j < g; ++j) {
        if (!active[j] || forbidden[i][j]) continue;
        double average = sum[i][j] / (size[i] * size[j]);
        if (average > best) {
          best = average;
          bi = i;
          bj = j;
        }
      }
    }
    if (bi == g) break;
    active[bj] = 0;
    size[bi] += size[bj];
    groups[bi].insert(groups[bi].end(), groups[bj].begin(), groups[bj].end());
    groups[bj].clear();
    for (size_t k = 0; k < g; ++k) {
      sum[bi][k] = sum[k][bi] = sum[bi][k] + sum[bj][k];
      forbidden[bi][k] = forbidden[k][bi] = forbidden[bi][k] || forbidden[bj][k];
    }
  }
  std::vector<std::vector<size_t>> out;
  for (size_t i = 0; i < g; ++i)
    if (active[i]) out.push_back(std::move(groups[i]));
  return out;
}

std::vector<std::vector<size_t>> sparse_linkage(const EvidenceSet& set, const std::vector<size_t>& members,
                                                const PairModel& model, const ClusteringLimits& limits) {
  // Candidate pairs: signatures sharing a co-author key or one of their work's salient terms.
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> postings;
  for (std::uint32_t i = 0; i < members.size(); ++i) {
    const auto& s = set.signatures[members[i]];
    const auto& w = set.works[s.work];
    for (auto key : w.author_keys)
      if (key != s.own_key) postings[key].push_back(i);
    std::vector<TermWeight> terms = w.terms;
    std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(kSalientTerms, terms.size())),
                      terms.end(), [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    for (size_t t = 0; t < terms.size() && t < kSalientTerms; ++t) postings[(1ULL << 63) | terms[t].term].push_back(i);
    if (!s.person_id.empty()) postings[std::hash<std::string>{}(s.person_id) | 1].push_back(i);
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> candidates;
  for (auto& [key, list] : postings) {
    if (list.size() < 2 || list.size() > limits.max_posting) continue;
    for (size_t x = 0; x < list.size(); ++x)
      for (size_t y = x + 1; y < list.size(); ++y) candidates.emplace_back(list[x], list[y]);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  struct Edge {
    double p;
    std::uint32_t a, b;
  };
  std::vector<Edge> edges;
  for (auto [x, y] : candidates) {
    const auto& sa = set.signatures[members[x]];
    const auto& sb = set.signatures[members[y]];
    if (cannot_link(sa, sb)) continue;
    double p = pair_probability(set, sa, sb, model);
    if (p >= model.threshold) edges.push_back({p, x, y});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) {
    if (a.p != b.p) return a.p > b.p;
    return std::tie(a.a, a.b) < std::tie(b.a, b.b);
  });

  // Per cluster: its full given names and person id, to refuse impossible merges. (Two
  // signatures on one work are refused pair by pair above, not cluster by cluster: that
  // check cost more than it caught in large blocks.)
  UnionFind uf(members.size());
  std::vector<std::vector<std::string>> given(members.size());
  std::vector<std::string> person(members.size());
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& s = set.signatures[members[i]];
    if (!s.name.first_is_initial) given[i].push_back(s.name.given_joined);
    person[i] = s.person_id;
  }
  for (const auto& e : edges) {
    size_t ra = uf.find(e.a), rb = uf.find(e.b);
    if (ra == rb) continue;
    if (!person[ra].empty() && !person[rb].empty() && person[ra] != person[rb]) continue;
    bool conflict = false;
    for (const auto& x : given[ra])
      for (const auto& y : given[rb])
        if (x != y && x.rfind(y, 0) != 0 && y.rfind(x, 0) != 0) conflict = true;
    if (conflict) continue;
    uf.parent[rb] = ra;
    for (auto& name : given[rb])
      if (std::find(given[ra].begin(), given[ra].end(), name) == given[ra].end()) given[ra].push_back(std::move(name));
    if (person[ra].empty()) person[ra] = person[rb];
    given[rb].clear();
  }
  std::unordered_map<size_t, size_t> cluster_of_root;
  std::vector<std::vector<size_t>> out;
  for (size_t i = 0; i < members.size(); ++i) {
    auto [it, inserted] = cluster_of_root.try_emplace(uf.find(i), out.size());
    if (inserted) out.emplace_back();
    out[it->second].push_back(members[i]);
  }
  return out;
}

// Works with no co-authors give pairwise scoring little to hold on to: a person's
// papers on neighbouring subjects share few distinctive words. For clusters made only of
// such works, compare whole clusters instead, by the cosine of their term centroids,
// which carries a field's common vocabulary ("neural", "training", "wireless").
std::vector<std::vector<size_t>> merge_text_only_clusters(const EvidenceSet& set,
                                                          std::vector<std::vector<size_t>> clusters,
                                                          double min_cosine) {
  auto is_solo = [&](size_t s) { return solo(set, set.signatures[s]); };
  auto centroid = [&](const std::vector<size_t>& cluster) {
    std::unordered_map<std::uint32_t, double> sum;
    for (size_t s : cluster)
      for (const auto& t : set.works[set.signatures[s].work].terms) sum[t.term] += t.weight;
    double norm = 0;
    for (const auto& [term, w] : sum) norm += w * w;
    norm = std::sqrt(norm);
    for (auto& [term, w] : sum) w /= norm;
    return sum;
  };
  auto cosine = [](const std::unordered_map<std::uint32_t, double>& a, const std::unordered_map<std::uint32_t, double>& b) {
    const auto& small = a.size() < b.size() ? a : b;
    const auto& large = a.size() < b.size() ? b : a;
    double dot = 0;
    for (const auto& [term, w] : small)
      if (auto it = large.find(term); it != large.end()) dot += w * it->second;
    return dot;
  };
  auto compatible = [&](const std::vector<size_t>& x, const std::vector<size_t>& y) {
    for (size_t a : x)
      for (size_t b : y) {
        const auto& sa = set.signatures[a];
        const auto& sb = set.signatures[b];
        if (cannot_link(sa, sb) || compare_given(sa.name, sb.name) == GivenNameMatch::conflict) return false;
      }
    return true;
  };
  std::vector<size_t> candidates;
  for (size_t c = 0; c < clusters.size(); ++c)
    if (std::all_of(clusters[c].begin(), clusters[c].end(), is_solo)) candidates.push_back(c);
  if (candidates.size() < 2) return clusters;
  std::vector<std::unordered_map<std::uint32_t, double>> centroids;
  for (size_t c : candidates) centroids.push_back(centroid(clusters[c]));
  std::vector<char> alive(candidates.size(), 1);
  for (;;) {
    double best = min_cosine;
    size_t bi = 0, bj = 0;
    for (size_t i = 0; i < candidates.size(); ++i)
      for (size_t j = i + 1; alive[i] && j < candidates.size(); ++j) {
        if (!alive[j]) continue;
        double c = cosine(centroids[i], centroids[j]);
        if (c > best && compatible(clusters[candidates[i]], clusters[candidates[j]])) {
          best = c;
          bi = i;
          bj = j;
        }
      }
    if (best <= min_cosine) break;
    auto& into = clusters[candidates[bi]];
    auto& from = clusters[candidates[bj]];
    into.insert(into.end(), from.begin(), from.end());
    from.clear();
    alive[bj] = 0;
    centroids[bi] = centroid(into);
  }
  std::erase_if(clusters, [](const auto& c) { return c.empty(); });
  return clusters;
}

}  // namespace

std::vector<std::vector<size_t>> cluster_block(const EvidenceSet& set, const std::vector<size_t>& members,
                                               const PairModel& model, const ClusteringLimits& limits) {
  if (members.size() <= 1) return {members};
  auto clusters = members.size() <= limits.dense_block ? dense_average_linkage(set, members, model)
                                                       : sparse_linkage(set, members, model, limits);
  return merge_text_only_clusters(set, std::move(clusters), limits.text_only_centroid_cosine);
}

std::vector<std::vector<size_t>> group_by_block(const EvidenceSet& set) {
  std::unordered_map<std::string, size_t> block_index;
  std::vector<std::vector<size_t>> blocks;
  for (size_t i = 0; i < set.signatures.size(); ++i) {
    auto [it, inserted] = block_index.try_emplace(set.signatures[i].block, blocks.size());
    if (inserted) blocks.emplace_back();
    blocks[it->second].push_back(i);
  }
  return blocks;
}

std::vector<std::vector<size_t>> cluster_all(const EvidenceSet& set, const PairModel& model,
                                             const ClusteringLimits& limits) {
  auto blocks = group_by_block(set);
  // Blocks are independent: spread them over the cores, then list results in block order.
  std::vector<std::vector<std::vector<size_t>>> results(blocks.size());
  parallel_for(blocks.size(), [&](size_t b) { results[b] = cluster_block(set, blocks[b], model, limits); });
  std::vector<std::vector<size_t>> out;
  for (auto& r : results)
    for (auto& c : r) out.push_back(std::move(c));
  return out;
}

}  // namespace bzpeer::identity

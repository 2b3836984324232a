#include "identity/topic_merge.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <string>
#include <tuple>

#include <absl/container/flat_hash_map.h>

#include "identity/linkage_rules.hpp"

namespace bzpeer::identity {

namespace {

// A cluster's summed term weights (sorted by term) and their length: centroids merge by
// adding sums, and their cosine is the sums' dot product over the two lengths.
struct Centroid {
  std::vector<std::pair<std::uint32_t, double>> sum;
  double norm = 0;

  void add(const std::vector<TermWeight>& terms) {
    std::vector<std::pair<std::uint32_t, double>> work;
    work.reserve(terms.size());
    for (const auto& t : terms) work.emplace_back(t.term, t.weight);
    merge_in(work);
  }
  void absorb(const Centroid& other) {
    merge_in(other.sum);
    measure();
  }
  // Adds sorted (term, weight) pairs to the sums, keeping them sorted.
  void merge_in(const std::vector<std::pair<std::uint32_t, double>>& more) {
    std::vector<std::pair<std::uint32_t, double>> merged;
    merged.reserve(sum.size() + more.size());
    std::merge(sum.begin(), sum.end(), more.begin(), more.end(), std::back_inserter(merged),
               [](const auto& a, const auto& b) { return a.first < b.first; });
    // Equal terms are now neighbours (ours first): fold them.
    size_t out = 0;
    for (size_t i = 0; i < merged.size(); ++i) {
      if (out > 0 && merged[out - 1].first == merged[i].first)
        merged[out - 1].second += merged[i].second;
      else
        merged[out++] = merged[i];
    }
    merged.resize(out);
    sum = std::move(merged);
  }
  void measure() {
    double squares = 0;
    for (const auto& [term, w] : sum) squares += w * w;
    norm = std::sqrt(squares);
  }
  double cosine(const Centroid& other) const {
    if (norm == 0 || other.norm == 0) return 0;
    double dot = 0;
    size_t i = 0, j = 0;
    while (i < sum.size() && j < other.sum.size()) {
      if (sum[i].first < other.sum[j].first)
        ++i;
      else if (other.sum[j].first < sum[i].first)
        ++j;
      else
        dot += sum[i++].second * other.sum[j++].second;
    }
    return dot / (norm * other.norm);
  }
};

// What decides whether two clusters may be one person, without comparing every pair of
// their signatures: their person ids, ORCID iDs, works, and distinct given-name forms.
struct Constraints {
  std::vector<std::string> persons, orcids;
  std::vector<std::uint32_t> works;  // sorted
  std::vector<size_t> name_forms;    // a signature for each distinct given-name form

  void add(const EvidenceSet& set, size_t signature) {
    const auto& s = set.signatures[signature];
    auto insert_distinct = [](std::vector<std::string>& into, const std::string& value) {
      if (!value.empty() && std::find(into.begin(), into.end(), value) == into.end()) into.push_back(value);
    };
    insert_distinct(persons, s.person_id);
    insert_distinct(orcids, s.orcid);
    works.insert(std::upper_bound(works.begin(), works.end(), s.work), s.work);
    auto same_form = [&](size_t other) {
      const auto& n = set.signatures[other].name;
      return n.given_joined == s.name.given_joined && n.first_initial == s.name.first_initial &&
             n.first_is_initial == s.name.first_is_initial && n.given == s.name.given;
    };
    if (std::none_of(name_forms.begin(), name_forms.end(), same_form)) name_forms.push_back(signature);
  }
  // Two signatures of the clusters could never be one person (as cannot_link and a
  // conflict of given names say for single pairs).
  bool conflict(const EvidenceSet& set, const Constraints& other) const {
    auto differ = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
      return !a.empty() && !b.empty() && (a.size() > 1 || b.size() > 1 || a[0] != b[0]);
    };
    if (differ(persons, other.persons) || differ(orcids, other.orcids)) return true;
    size_t i = 0, j = 0;
    while (i < works.size() && j < other.works.size()) {
      if (works[i] == other.works[j]) return true;
      works[i] < other.works[j] ? ++i : ++j;
    }
    for (size_t a : name_forms)
      for (size_t b : other.name_forms)
        if (compare_given(set.signatures[a].name, set.signatures[b].name) == GivenNameMatch::conflict) return true;
    return false;
  }
};

struct Pair {
  double cosine;
  std::uint32_t a, b;  // a < b, indices among the candidates
  std::uint32_t version_a, version_b;
  // Best cosine first; among equals the first pair in index order.
  bool operator<(const Pair& o) const {
    if (cosine != o.cosine) return cosine < o.cosine;
    return std::tie(a, b) > std::tie(o.a, o.b);
  }
};

// Pairs of candidates that share one of their `salient` heaviest terms, where no more
// than `max_posting` candidates share it.
std::vector<std::vector<std::uint32_t>> neighbours_by_salient_terms(const std::vector<Centroid>& centroids,
                                                                    const TopicMergeLimits& limits) {
  absl::flat_hash_map<std::uint32_t, std::vector<std::uint32_t>> postings;
  for (std::uint32_t c = 0; c < centroids.size(); ++c) {
    auto terms = centroids[c].sum;
    size_t salient = std::min(limits.salient_terms, terms.size());
    std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(salient), terms.end(),
                      [](const auto& x, const auto& y) { return x.second != y.second ? x.second > y.second : x.first < y.first; });
    for (size_t t = 0; t < salient; ++t) postings[terms[t].first].push_back(c);
  }
  std::vector<std::vector<std::uint32_t>> neighbours(centroids.size());
  for (const auto& [term, list] : postings) {
    if (list.size() < 2 || list.size() > limits.max_posting) continue;
    for (size_t x = 0; x < list.size(); ++x)
      for (size_t y = x + 1; y < list.size(); ++y) {
        neighbours[list[x]].push_back(list[y]);
        neighbours[list[y]].push_back(list[x]);
      }
  }
  for (auto& n : neighbours) {
    std::sort(n.begin(), n.end());
    n.erase(std::unique(n.begin(), n.end()), n.end());
  }
  return neighbours;
}

}  // namespace

std::vector<std::vector<size_t>> merge_text_only_clusters(const EvidenceSet& set,
                                                          std::vector<std::vector<size_t>> clusters,
                                                          const TopicMergeLimits& limits) {
  auto is_solo = [&](size_t s) { return solo(set, set.signatures[s]); };
  std::vector<size_t> candidates;  // clusters at least half of solo works
  for (size_t c = 0; c < clusters.size(); ++c)
    if (2 * static_cast<size_t>(std::count_if(clusters[c].begin(), clusters[c].end(), is_solo)) >= clusters[c].size())
      candidates.push_back(c);
  if (candidates.size() < 2) return clusters;

  const size_t n = candidates.size();
  std::vector<Centroid> centroids(n);
  std::vector<Constraints> constraints(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t s : clusters[candidates[i]]) {
      centroids[i].add(set.works[set.signatures[s].work].terms);
      constraints[i].add(set, s);
    }
    centroids[i].measure();
  }
  const bool all_pairs = n <= limits.all_pairs_up_to;
  std::vector<std::vector<std::uint32_t>> neighbours;
  if (!all_pairs) neighbours = neighbours_by_salient_terms(centroids, limits);

  std::vector<char> alive(n, 1);
  std::vector<std::uint32_t> version(n, 0);
  std::priority_queue<Pair> queue;
  auto offer = [&](std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    double c = centroids[a].cosine(centroids[b]);
    if (c > limits.min_cosine) queue.push({c, a, b, version[a], version[b]});
  };
  for (std::uint32_t a = 0; a < n; ++a) {
    if (all_pairs) {
      for (std::uint32_t b = a + 1; b < n; ++b) offer(a, b);
    } else {
      for (std::uint32_t b : neighbours[a])
        if (a < b) offer(a, b);
    }
  }
  while (!queue.empty()) {
    Pair top = queue.top();
    queue.pop();
    if (!alive[top.a] || !alive[top.b] || version[top.a] != top.version_a || version[top.b] != top.version_b) continue;
    // Clusters only grow, so a pair that conflicts now conflicts for good.
    if (constraints[top.a].conflict(set, constraints[top.b])) continue;
    const std::uint32_t into = top.a, from = top.b;
    auto& members = clusters[candidates[into]];
    auto& gone = clusters[candidates[from]];
    for (size_t s : gone) constraints[into].add(set, s);
    constraints[from] = {};
    members.insert(members.end(), gone.begin(), gone.end());
    gone.clear();
    centroids[into].absorb(centroids[from]);
    centroids[from] = {};
    alive[from] = 0;
    ++version[into];
    if (all_pairs) {
      for (std::uint32_t k = 0; k < n; ++k)
        if (alive[k] && k != into) offer(into, k);
      continue;
    }
    // The merged cluster's pairs are both parts' pairs, at its new cosine.
    auto& mine = neighbours[into];
    std::vector<std::uint32_t> joined;
    std::set_union(mine.begin(), mine.end(), neighbours[from].begin(), neighbours[from].end(), std::back_inserter(joined));
    for (std::uint32_t k : neighbours[from]) {
      auto& theirs = neighbours[k];
      auto at = std::lower_bound(theirs.begin(), theirs.end(), from);
      if (at != theirs.end() && *at == from) theirs.erase(at);
      auto place = std::lower_bound(theirs.begin(), theirs.end(), into);
      if (k != into && (place == theirs.end() || *place != into)) theirs.insert(place, into);
    }
    std::erase_if(joined, [&](std::uint32_t k) { return k == into || k == from || !alive[k]; });
    mine = std::move(joined);
    neighbours[from] = {};
    for (std::uint32_t k : mine) offer(into, k);
  }
  std::erase_if(clusters, [](const auto& c) { return c.empty(); });
  return clusters;
}

}  // namespace bzpeer::identity

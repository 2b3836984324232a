#include "identity/block_clustering.hpp"

#include "core/parallel.hpp"
#include "identity/linkage_rules.hpp"
#include "identity/sparse_linkage.hpp"
#include "identity/topic_merge.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace bzpeer::identity {

namespace {

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
          if (cannot_link(sa, sb) || given_names_conflict(sa, sb)) blocked = true;
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

}  // namespace

std::vector<std::vector<size_t>> cluster_block(const EvidenceSet& set, const std::vector<size_t>& members,
                                               const PairModel& model, const ClusteringLimits& limits) {
  if (members.size() <= 1) return {members};
  auto clusters = members.size() <= limits.dense_block ? dense_average_linkage(set, members, model)
                                                       : sparse_average_linkage(set, members, model, limits);
  return merge_text_only_clusters(set, std::move(clusters), {.min_cosine = limits.text_only_centroid_cosine});
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

PairModel for_corpus(const PairModel& model, const EvidenceSet& set) {
  PairModel local = model;
  local.name_counts = with_corpus_counts(model.name_counts, count_names(set));
  return local;
}

std::vector<std::vector<size_t>> cluster_all(const EvidenceSet& set, const PairModel& reference_model,
                                             const ClusteringLimits& limits) {
  return cluster_blocks(set, for_corpus(reference_model, set), limits);
}

std::vector<std::vector<size_t>> cluster_blocks(const EvidenceSet& set, const PairModel& model,
                                                const ClusteringLimits& limits) {
  auto blocks = group_by_block(set);
  // Blocks are independent: spread them over the cores, then list results in block order.
  std::vector<std::vector<std::vector<size_t>>> results(blocks.size());
  // Largest first: the last block a core takes is then a small one, not a "J. Wang".
  std::vector<size_t> order(blocks.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return blocks[a].size() > blocks[b].size(); });
  parallel_for(order.size(), [&](size_t i) { results[order[i]] = cluster_block(set, blocks[order[i]], model, limits); });
  std::vector<std::vector<size_t>> out;
  for (auto& r : results)
    for (auto& c : r) out.push_back(std::move(c));
  return out;
}

}  // namespace bzpeer::identity

#pragma once
// Clusters the signatures of one block into people.
//
// Small blocks: average-linkage agglomerative clustering over every pair's probability,
// merging while the best average is above the model's threshold. Large blocks (a common
// name in a big corpus): average linkage too, but only pairs that share a co-author or a
// salient term are scored; the others count at the probability their names alone give
// (sparse_linkage.hpp), and two clusters whose full given names conflict never join. Both honour the constraints: signatures with the same person id
// (editors' ids, claims) are merged first; different person ids, or two signatures on
// one work, are never merged.
#include <vector>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

struct ClusteringLimits {
  size_t dense_block = 150;       // blocks up to this size compare every pair
  size_t max_posting = 100;       // large blocks: keys shared by more signatures are not used
  double text_only_centroid_cosine = 0.1;  // clusters of single-author works merge above this
};

std::vector<std::vector<size_t>> cluster_block(const EvidenceSet& set, const std::vector<size_t>& members,
                                               const PairModel& model, const ClusteringLimits& limits = {});

// Groups signature indices by block key, in order of first appearance.
std::vector<std::vector<size_t>> group_by_block(const EvidenceSet& set);

// Clusters every block; clusters are listed block by block.
std::vector<std::vector<size_t>> cluster_all(const EvidenceSet& set, const PairModel& model,
                                             const ClusteringLimits& limits = {});

}  // namespace bzpeer::identity

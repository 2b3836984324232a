#pragma once
// Average-linkage clustering of a large block (a common name in a big corpus), where
// scoring every pair is too slow. Only candidate pairs (sharing a co-author or a salient
// term) are scored; every other pair counts with the probability its names alone give.
// So two groups of papers join only when their links outweigh the pairs that nothing
// links, and a chain of single weak links cannot tie two people who share a common name
// into one, as the strongest-edge-first (single-linkage) order it replaces did.
#include <vector>

#include "identity/block_clustering.hpp"

namespace bzpeer::identity {

std::vector<std::vector<size_t>> sparse_average_linkage(const EvidenceSet& set, const std::vector<size_t>& members,
                                                        const PairModel& model, const ClusteringLimits& limits);

}  // namespace bzpeer::identity

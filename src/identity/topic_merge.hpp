#pragma once
// The topic stage of a block's clustering. Works with no co-authors give pairwise
// scoring little to hold on to: a person's papers on neighbouring subjects share few
// distinctive words. So clusters made at least half of such works are compared whole,
// by the cosine of their term centroids, which carries a field's common vocabulary
// ("neural", "training", "wireless"), and merged best pair first while it is above
// `min_cosine` and no two of their signatures cannot be one person.
//
// Cost: in a block with few such clusters every pair is compared; in a large one (a
// common name in a big corpus) only pairs that share one of their salient terms, so
// the work grows with the clusters' number and the bounded pairs of each, not with its
// square (and merges update only the merged cluster's pairs).
#include <cstddef>
#include <vector>

#include "identity/evidence.hpp"

namespace bzpeer::identity {

struct TopicMergeLimits {
  double min_cosine = 0.13;
  size_t all_pairs_up_to = 300;  // clusters: compare every pair up to this many
  size_t salient_terms = 12;     // beyond: terms of each centroid that find its pairs
  size_t max_posting = 200;      // beyond: a term shared by more clusters finds none
};

std::vector<std::vector<size_t>> merge_text_only_clusters(const EvidenceSet& set,
                                                          std::vector<std::vector<size_t>> clusters,
                                                          const TopicMergeLimits& limits);

}  // namespace bzpeer::identity

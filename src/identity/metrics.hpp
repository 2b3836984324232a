#pragma once
// Clustering quality against labelled truth: B3 (per-element precision and recall,
// averaged) and pairwise precision, recall and F1.
#include <string>
#include <vector>

namespace bzpeer::identity {

struct ClusterScores {
  double b3_precision = 0, b3_recall = 0, b3_f1 = 0;
  double pairwise_precision = 0, pairwise_recall = 0, pairwise_f1 = 0;
};

// `truth[i]` and `predicted[i]` are the cluster labels of element i.
ClusterScores score_clusters(const std::vector<std::string>& truth, const std::vector<std::string>& predicted);

}  // namespace bzpeer::identity

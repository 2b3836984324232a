#pragma once
// Training and evaluation of the pairwise model on labelled sets. Nothing is evaluated
// on pairs it was trained on: cross-validation splits by block (a name), so a fold's
// people are never seen in training.
#include <string>
#include <vector>

#include "identity/block_clustering.hpp"
#include "identity/eval/labelled_data.hpp"
#include "identity/metrics.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

struct EvalResult {
  std::string dataset;
  size_t signatures = 0, clusters_true = 0, clusters_pred = 0;
  ClusterScores scores;
  double baseline_b3_f1 = 0;
  double seconds = 0;
  std::vector<std::string> predicted;  // the predicted cluster of each signature
  std::string to_json() const;
};

// Every labelled pair within each block (blocks over `max_block` are sampled, seeded).
std::vector<TrainingPair> training_pairs(const LabelledSet& set, const std::vector<std::vector<size_t>>& blocks,
                                         const NameCounts& name_counts, size_t max_block = 250);

// Fits a model on `blocks` of each set and picks the merge threshold that gives the
// best B3 F1 on held-out folds of those blocks.
Result<PairModel> train_model(const std::vector<const LabelledSet*>& sets,
                              const std::vector<std::vector<std::vector<size_t>>>& blocks_per_set,
                              const NameCounts& name_counts, Learner learner = Learner::boosted_trees);

// Clusters the whole set from scratch with `model`.
EvalResult evaluate(const LabelledSet& set, const PairModel& model);

// K-fold cross-validation by block: each fold is clustered by a model trained on the
// other folds (plus `extra` sets, which are never scored).
Result<EvalResult> cross_validate(const LabelledSet& set, int folds, const NameCounts& name_counts,
                                  const std::vector<const LabelledSet*>& extra = {},
                                  Learner learner = Learner::boosted_trees);

// Leave one source out: for each unit with `scored[u]`, a model trained on every other
// unit (scored or not) clusters that unit whole. The honest measure of a model meant for
// sources it has never seen.
Result<std::vector<EvalResult>> leave_one_source_out(const std::vector<const LabelledSet*>& units,
                                                     const std::vector<bool>& scored, const NameCounts& name_counts,
                                                     Learner learner = Learner::boosted_trees);

}  // namespace bzpeer::identity

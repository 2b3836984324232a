#pragma once
// P(same person | evidence) for a pair of signatures, saved as a versioned JSON file in
// models/. Two learners: gradient-boosted trees (trained through XGBoost, the shipped
// model: missing evidence stays missing, interactions are learned) and logistic
// regression fitted by Newton's method (the earlier model, kept as the baseline the
// trees are measured against; a missing feature adds nothing to its sum).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/pair_features.hpp"
#include "identity/tree_ensemble.hpp"

namespace bzpeer::identity {

enum class Learner { boosted_trees, logistic };
const char* learner_name(Learner learner);
Result<Learner> parse_learner(const std::string& name);

struct PairModel {
  // 6: features with missing values, stemmed text, venue words; boosted trees
  int version = 6;
  Learner learner = Learner::logistic;
  NameCounts name_counts;   // the reference counts the name-commonness features read
  std::vector<double> weights = std::vector<double>(kFeatureCount, 0.0);  // logistic
  TreeEnsemble trees;                                                     // boosted trees
  nlohmann::json booster;   // the trees as XGBoost saved them (written back on save)
  double threshold = 0.5;        // average-linkage merge threshold on probability
  std::string trained_on;        // a line describing the training data
  std::string cross_validation;  // the figures measured when it was trained
  std::vector<std::string> unsupported;  // features too few labelled pairs show: not learned

  double probability(const Features& f) const;
  std::string to_json() const;
  static Result<PairModel> from_json(const std::string& text);
  static Result<PairModel> load(const std::string& path);
  Status save(const std::string& path) const;
};

struct TrainingPair {
  Features features;
  bool same = false;
  double weight = 1;  // datasets are balanced so a large one does not drown a small one
};

// A feature is learned only when at least this many training pairs show it (a value
// present and non-zero, in same-person and in different-people pairs alike). Below that
// the fit would read a toy sample as a law: the S2AND sample's three pairs with
// affiliations once gave shared affiliation words a weight of -5.9.
constexpr size_t kMinFeatureSupport = 30;

// The features too few pairs of either label show (never the bias).
std::vector<std::string> unsupported_features(const std::vector<TrainingPair>& pairs);

// Fits logistic weights with L2 regularisation `l2` (the bias is not penalised);
// unsupported features stay at 0. The model keeps `name_counts`.
PairModel fit_pair_model(const std::vector<TrainingPair>& pairs, const NameCounts& name_counts, double l2 = 1.0);

// Fits boosted trees (boosted_trees.hpp) with unsupported features masked as missing.
Result<PairModel> fit_tree_model(const std::vector<TrainingPair>& pairs, const NameCounts& name_counts);

}  // namespace bzpeer::identity

#pragma once
// Logistic regression over pair features: P(same person | evidence). Trained with
// Newton's method (deterministic: the same pairs give the same model) and saved as a
// versioned JSON file in models/.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/pair_features.hpp"

namespace bzpeer::identity {

struct PairModel {
  // 2: feature 16 is middle-name agreement; 3: feature 18, given-name commonness;
  // 5: feature 19, family-name commonness, and names counted once per person (4 was withdrawn)
  int version = 5;
  NameCounts name_counts;   // the reference counts features 18 and 19 read
  std::vector<double> weights = std::vector<double>(kFeatureCount, 0.0);
  double threshold = 0.5;        // average-linkage merge threshold on probability
  std::string trained_on;        // a line describing the training data
  std::string cross_validation;  // the figures measured when it was trained
  std::vector<std::string> unsupported;  // features held at 0: too few labelled pairs show them

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

// A feature is learned only when at least this many training pairs show it (a non-zero
// value, in same-person and in different-people pairs alike). Below that the fit would
// read a toy sample as a law: the S2AND sample's three pairs with affiliations gave the
// shared-affiliation feature a weight of -5.9, which at scale (OpenAlex lists
// institutions for most authorships) would have split every pair of colleagues.
constexpr size_t kMinFeatureSupport = 30;

// Fits the weights with L2 regularisation `l2` (the bias is not penalised); features
// without kMinFeatureSupport pairs of each label stay at 0 and are listed in
// `unsupported`. The model keeps `name_counts`, the counts its features were computed with.
PairModel fit_pair_model(const std::vector<TrainingPair>& pairs, const NameCounts& name_counts, double l2 = 1.0);

}  // namespace bzpeer::identity

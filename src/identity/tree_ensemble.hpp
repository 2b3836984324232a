#pragma once
// Gradient-boosted trees as XGBoost saves them (its JSON model format), evaluated here.
// Training goes through XGBoost (boosted_trees.hpp); prediction is a walk down each
// tree, done in-process because clustering asks for one pair at a time, millions of
// times, where a library call per pair would cost more than the walk. A unit test holds
// the walk equal to XGBoost's own predictions.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "core/result.hpp"

namespace bzpeer::identity {

class TreeEnsemble {
 public:
  // From XGBoost's JSON model (the object `XGBoosterSaveModelToBuffer` writes), of a
  // binary:logistic booster.
  static Result<TreeEnsemble> from_xgboost_json(const nlohmann::json& model);

  bool empty() const { return roots_.empty(); }
  size_t size() const { return roots_.size(); }
  // The margin (log-odds) for one row; NaN values follow each split's default branch.
  double margin(const double* features, size_t count) const;

 private:
  // All trees' nodes in one array (children as absolute indices), so a walk stays in a
  // few cache lines: clustering a million authorships walks them some hundred million times.
  struct Node {
    std::int32_t left = -1, right = -1;  // -1: a leaf
    std::uint16_t feature = 0;
    bool default_left = false;           // where a missing value goes
    float value = 0;                     // split threshold, or the leaf's value
  };
  std::vector<Node> nodes_;
  std::vector<std::uint32_t> roots_;
  size_t features_ = 0;                  // one more than the largest feature index used
  double base_margin_ = 0;
};

}  // namespace bzpeer::identity

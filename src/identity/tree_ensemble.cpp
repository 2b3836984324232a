#include "identity/tree_ensemble.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

namespace bzpeer::identity {

namespace {

// XGBoost writes numbers of its parameters as strings ("5E-1").
double number(const nlohmann::json& v) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string()) return std::stod(v.get<std::string>());
  throw std::invalid_argument("not a number");
}

}  // namespace

Result<TreeEnsemble> TreeEnsemble::from_xgboost_json(const nlohmann::json& model) {
  try {
    const auto& learner = model.at("learner");
    std::string objective = learner.at("objective").at("name").get<std::string>();
    if (objective != "binary:logistic")
      return make_error(ErrorCode::invalid_input, "booster objective is " + objective + ", not binary:logistic");
    TreeEnsemble out;
    // binary:logistic keeps its base score as a probability.
    double base = number(learner.at("learner_model_param").at("base_score"));
    out.base_margin_ = std::log(base / (1 - base));
    for (const auto& tree : learner.at("gradient_booster").at("model").at("trees")) {
      const auto& left = tree.at("left_children");
      const auto& right = tree.at("right_children");
      const auto& feature = tree.at("split_indices");
      const auto& value = tree.at("split_conditions");
      const auto& default_left = tree.at("default_left");
      const size_t count = left.size();
      if (count == 0) return make_error(ErrorCode::invalid_input, "booster has an empty tree");
      const auto base = static_cast<std::int32_t>(out.nodes_.size());
      out.roots_.push_back(static_cast<std::uint32_t>(base));
      for (size_t i = 0; i < count; ++i) {
        Node n;
        n.left = left.at(i).get<std::int32_t>();
        n.right = right.at(i).get<std::int32_t>();
        // Children come after their parent, so every walk ends.
        auto in_range = [&](std::int32_t child) {
          return child == -1 || (child > static_cast<std::int32_t>(i) && static_cast<size_t>(child) < count);
        };
        if (!in_range(n.left) || !in_range(n.right) || (n.left == -1) != (n.right == -1))
          return make_error(ErrorCode::invalid_input, "booster tree has a child out of range");
        if (n.left != -1) {
          n.left += base;
          n.right += base;
          auto f = feature.at(i).get<std::uint32_t>();
          if (f > 0xffff) return make_error(ErrorCode::invalid_input, "booster splits on feature " + std::to_string(f));
          n.feature = static_cast<std::uint16_t>(f);
          out.features_ = std::max<size_t>(out.features_, f + 1);
        }
        n.value = value.at(i).get<float>();
        n.default_left = default_left.at(i).get<int>() != 0;
        out.nodes_.push_back(n);
      }
    }
    return out;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::invalid_input, std::string("malformed XGBoost model: ") + e.what());
  }
}

double TreeEnsemble::margin(const double* features, size_t count) const {
  // XGBoost compares in single precision; a feature the rows lack is missing.
  float values[64];
  bool absent[64];
  const size_t used = std::min<size_t>(features_, 64);
  for (size_t f = 0; f < used; ++f) {
    absent[f] = f >= count || std::isnan(features[f]);
    values[f] = absent[f] ? 0.0f : static_cast<float>(features[f]);
  }
  double sum = base_margin_;
  for (std::uint32_t root : roots_) {
    const Node* n = &nodes_[root];
    while (n->left != -1) {
      bool go_left = n->feature >= used || absent[n->feature] ? n->default_left : values[n->feature] < n->value;
      n = &nodes_[static_cast<size_t>(go_left ? n->left : n->right)];
    }
    sum += n->value;
  }
  return sum;
}

}  // namespace bzpeer::identity

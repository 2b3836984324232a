#include "identity/tree_ensemble.hpp"

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
      std::vector<Node> nodes(left.size());
      for (size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].left = left[i].get<std::int32_t>();
        nodes[i].right = right[i].get<std::int32_t>();
        nodes[i].feature = feature[i].get<std::uint32_t>();
        nodes[i].value = value[i].get<float>();
        nodes[i].default_left = default_left[i].get<int>() != 0;
        // Children come after their parent, so every walk ends.
        auto in_range = [&](std::int32_t child) {
          return child == -1 || (child > static_cast<std::int32_t>(i) && static_cast<size_t>(child) < nodes.size());
        };
        if (!in_range(nodes[i].left) || !in_range(nodes[i].right) || (nodes[i].left == -1) != (nodes[i].right == -1))
          return make_error(ErrorCode::invalid_input, "booster tree has a child out of range");
      }
      if (nodes.empty()) return make_error(ErrorCode::invalid_input, "booster has an empty tree");
      out.trees_.push_back(std::move(nodes));
    }
    return out;
  } catch (const std::exception& e) {
    return make_error(ErrorCode::invalid_input, std::string("malformed XGBoost model: ") + e.what());
  }
}

double TreeEnsemble::margin(const double* features, size_t count) const {
  double sum = base_margin_;
  for (const auto& nodes : trees_) {
    size_t i = 0;
    while (nodes[i].left != -1) {
      const Node& n = nodes[i];
      double v = n.feature < count ? features[n.feature] : std::nan("");
      bool go_left = std::isnan(v) ? n.default_left : static_cast<float>(v) < n.value;
      i = static_cast<size_t>(go_left ? n.left : n.right);
    }
    sum += nodes[i].value;
  }
  return sum;
}

}  // namespace bzpeer::identity

#include "identity/pair_model.hpp"

#include "identity/boosted_trees.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bzpeer::identity {

const char* learner_name(Learner learner) { return learner == Learner::boosted_trees ? "boosted_trees" : "logistic"; }

Result<Learner> parse_learner(const std::string& name) {
  if (name == "boosted_trees") return Learner::boosted_trees;
  if (name == "logistic") return Learner::logistic;
  return make_error(ErrorCode::invalid_input, "unknown learner '" + name + "' (boosted_trees or logistic)");
}

namespace {

size_t feature_index(const std::string& name) {
  for (size_t i = 0; i < kFeatureCount; ++i)
    if (name == feature_names()[i]) return i;
  return kFeatureCount;
}

}  // namespace

double PairModel::probability(const Features& f) const {
  // Unsupported features need no masking here: the trees were trained with them
  // missing (so never split on them), and their logistic weights stay at 0.
  double z = 0;
  if (learner == Learner::boosted_trees) {
    z = trees.margin(f.data(), f.size());
  } else {
    for (size_t i = 0; i < kFeatureCount; ++i)
      if (!missing(f[i])) z += weights[i] * f[i];
  }
  return 1.0 / (1.0 + std::exp(-z));
}

std::string PairModel::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "bzpeer-identity-pair-model";
  j["version"] = version;
  j["learner"] = learner_name(learner);
  j["threshold"] = threshold;
  j["trained_on"] = trained_on;
  j["cross_validation"] = cross_validation;
  j["features"] = feature_names();
  j["unsupported_features"] = unsupported;
  if (learner == Learner::logistic) {
    nlohmann::ordered_json w;
    for (size_t i = 0; i < kFeatureCount; ++i) w[feature_names()[i]] = weights[i];
    j["weights"] = w;
  }
  j["given_name_counts"] = name_counts.given;
  j["family_name_counts"] = name_counts.family;
  std::string out = j.dump(2);
  // XGBoost's model on one line at the end: thousands of numbers, not for reading.
  if (learner == Learner::boosted_trees) out.insert(out.rfind('}'), ",\n  \"booster\": " + booster.dump() + "\n");
  return out + "\n";
}

Result<PairModel> PairModel::from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("format", "") != "bzpeer-identity-pair-model")
    return make_error(ErrorCode::invalid_input, "not a BZPEER identity model");
  PairModel m;
  m.version = j.value("version", 0);
  if (m.version != 6) return make_error(ErrorCode::invalid_input, "unsupported model version " + std::to_string(m.version));
  auto learner = parse_learner(j.value("learner", ""));
  if (!learner) return learner.error();
  m.learner = *learner;
  m.threshold = j.value("threshold", 0.5);
  m.trained_on = j.value("trained_on", "");
  m.cross_validation = j.value("cross_validation", "");
  m.unsupported = j.value("unsupported_features", std::vector<std::string>{});
  if (j.value("features", std::vector<std::string>{}) != std::vector<std::string>(feature_names().begin(), feature_names().end()))
    return make_error(ErrorCode::invalid_input, "model features differ from this build's");
  if (m.learner == Learner::logistic) {
    const auto& w = j["weights"];
    for (size_t i = 0; i < kFeatureCount; ++i) {
      if (!w.contains(feature_names()[i]) || !w[feature_names()[i]].is_number())
        return make_error(ErrorCode::invalid_input, std::string("model lacks weight '") + feature_names()[i] + "'");
      m.weights[i] = w[feature_names()[i]].get<double>();
    }
  } else {
    if (!j.contains("booster")) return make_error(ErrorCode::invalid_input, "model lacks 'booster'");
    auto trees = TreeEnsemble::from_xgboost_json(j["booster"]);
    if (!trees) return trees.error();
    m.trees = std::move(*trees);
    m.booster = std::move(j["booster"]);
  }
  for (auto [key, counts] : {std::pair{"given_name_counts", &m.name_counts.given},
                              std::pair{"family_name_counts", &m.name_counts.family}}) {
    if (!j.contains(key) || !j[key].is_object())
      return make_error(ErrorCode::invalid_input, std::string("model lacks '") + key + "'");
    for (const auto& [name, count] : j[key].items())
      if (count.is_number_unsigned()) (*counts)[name] = count.get<std::uint32_t>();
  }
  return m;
}

Result<PairModel> PairModel::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCode::not_found, "cannot read identity model " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  auto m = from_json(buffer.str());
  if (!m) return make_error(m.error().code, path + ": " + m.error().message);
  return m;
}

Status PairModel::save(const std::string& path) const {
  std::ofstream out(path);
  out << to_json();
  if (!out) return make_error(ErrorCode::io, "cannot write " + path);
  return Ok{};
}

std::vector<std::string> unsupported_features(const std::vector<TrainingPair>& pairs) {
  std::vector<size_t> shown_same(kFeatureCount, 0), shown_different(kFeatureCount, 0);
  for (const auto& pair : pairs)
    for (size_t i = 1; i < kFeatureCount; ++i)
      if (!missing(pair.features[i]) && pair.features[i] != 0) ++(pair.same ? shown_same : shown_different)[i];
  std::vector<std::string> out;
  for (size_t i = 1; i < kFeatureCount; ++i)
    if (std::min(shown_same[i], shown_different[i]) < kMinFeatureSupport) out.push_back(feature_names()[i]);
  return out;
}

PairModel fit_pair_model(const std::vector<TrainingPair>& pairs, const NameCounts& name_counts, double l2) {
  constexpr size_t n = kFeatureCount;
  PairModel model;
  model.name_counts = name_counts;
  std::vector<double>& w = model.weights;
  model.learner = Learner::logistic;
  model.unsupported = unsupported_features(pairs);
  std::vector<char> learned(n, 1);
  for (const auto& name : model.unsupported) learned[feature_index(name)] = 0;
  // Logistic regression has no notion of missing: a missing value adds nothing (0).
  std::vector<Features> rows;
  for (const auto& pair : pairs) {
    rows.push_back(pair.features);
    for (double& v : rows.back())
      if (missing(v)) v = 0;
  }
  for (int iteration = 0; iteration < 50; ++iteration) {
    std::vector<double> gradient(n, 0.0);
    std::vector<std::vector<double>> hessian(n, std::vector<double>(n, 0.0));
    for (size_t r = 0; r < pairs.size(); ++r) {
      const auto& pair = pairs[r];
      const auto& x = rows[r];
      double p = model.probability(x);
      double error = pair.weight * (p - (pair.same ? 1.0 : 0.0));
      double curvature = pair.weight * std::max(p * (1 - p), 1e-9);
      for (size_t i = 0; i < n; ++i) {
        gradient[i] += error * x[i];
        for (size_t k = 0; k < n; ++k) hessian[i][k] += curvature * x[i] * x[k];
      }
    }
    for (size_t i = 1; i < n; ++i) {
      gradient[i] += l2 * w[i];
      hessian[i][i] += l2;
    }
    // Unsupported features take no step: their row and column of the system are the identity.
    for (size_t i = 1; i < n; ++i) {
      if (learned[i]) continue;
      gradient[i] = 0;
      for (size_t k = 0; k < n; ++k) hessian[i][k] = hessian[k][i] = 0;
      hessian[i][i] = 1;
    }
    hessian[0][0] += 1e-6;
    // Solve hessian * step = gradient by Gaussian elimination with partial pivoting.
    std::vector<double> step = gradient;
    for (size_t c = 0; c < n; ++c) {
      size_t pivot = c;
      for (size_t r = c + 1; r < n; ++r)
        if (std::abs(hessian[r][c]) > std::abs(hessian[pivot][c])) pivot = r;
      std::swap(hessian[c], hessian[pivot]);
      std::swap(step[c], step[pivot]);
      if (std::abs(hessian[c][c]) < 1e-12) continue;
      for (size_t r = c + 1; r < n; ++r) {
        double factor = hessian[r][c] / hessian[c][c];
        for (size_t k = c; k < n; ++k) hessian[r][k] -= factor * hessian[c][k];
        step[r] -= factor * step[c];
      }
    }
    for (size_t c = n; c-- > 0;) {
      if (std::abs(hessian[c][c]) < 1e-12) {
        step[c] = 0;
        continue;
      }
      for (size_t k = c + 1; k < n; ++k) step[c] -= hessian[c][k] * step[k];
      step[c] /= hessian[c][c];
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      w[i] -= step[i];
      change = std::max(change, std::abs(step[i]));
    }
    if (change < 1e-8) break;
  }
  return model;
}

Result<PairModel> fit_tree_model(const std::vector<TrainingPair>& pairs, const NameCounts& name_counts) {
  PairModel model;
  model.learner = Learner::boosted_trees;
  model.name_counts = name_counts;
  model.unsupported = unsupported_features(pairs);
  std::vector<TrainingPair> masked = pairs;
  for (auto& pair : masked)
    for (const auto& name : model.unsupported) pair.features[feature_index(name)] = kMissing;
  auto booster = train_boosted_trees(masked);
  if (!booster) return booster.error();
  auto trees = TreeEnsemble::from_xgboost_json(*booster);
  if (!trees) return trees.error();
  model.booster = std::move(*booster);
  model.trees = std::move(*trees);
  return model;
}

}  // namespace bzpeer::identity

#include "identity/pair_model.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace bzpeer::identity {

double PairModel::probability(const Features& f) const {
  double z = 0;
  for (size_t i = 0; i < kFeatureCount; ++i) z += weights[i] * f[i];
  return 1.0 / (1.0 + std::exp(-z));
}

std::string PairModel::to_json() const {
  nlohmann::ordered_json j;
  j["format"] = "bzpeer-identity-pair-model";
  j["version"] = version;
  j["threshold"] = threshold;
  j["trained_on"] = trained_on;
  j["cross_validation"] = cross_validation;
  j["unsupported_features"] = unsupported;
  nlohmann::ordered_json w;
  for (size_t i = 0; i < kFeatureCount; ++i) w[feature_names()[i]] = weights[i];
  j["weights"] = w;
  j["given_name_counts"] = name_counts.given;
  j["family_name_counts"] = name_counts.family;
  return j.dump(2) + "\n";
}

Result<PairModel> PairModel::from_json(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_object() || j.value("format", "") != "bzpeer-identity-pair-model")
    return make_error(ErrorCode::invalid_input, "not a BZPEER identity model");
  PairModel m;
  m.version = j.value("version", 0);
  if (m.version != 5) return make_error(ErrorCode::invalid_input, "unsupported model version " + std::to_string(m.version));
  m.threshold = j.value("threshold", 0.5);
  m.trained_on = j.value("trained_on", "");
  m.cross_validation = j.value("cross_validation", "");
  m.unsupported = j.value("unsupported_features", std::vector<std::string>{});
  const auto& w = j["weights"];
  for (size_t i = 0; i < kFeatureCount; ++i) {
    if (!w.contains(feature_names()[i]))
      return make_error(ErrorCode::invalid_input, std::string("model lacks weight '") + feature_names()[i] + "'");
    m.weights[i] = w[feature_names()[i]].get<double>();
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

PairModel fit_pair_model(const std::vector<TrainingPair>& pairs, const NameCounts& name_counts, double l2) {
  constexpr size_t n = kFeatureCount;
  PairModel model;
  model.name_counts = name_counts;
  std::vector<double>& w = model.weights;
  std::vector<size_t> shown_same(n, 0), shown_different(n, 0);
  for (const auto& pair : pairs)
    for (size_t i = 1; i < n; ++i)
      if (pair.features[i] != 0) ++(pair.same ? shown_same : shown_different)[i];
  std::vector<char> learned(n, 1);
  for (size_t i = 1; i < n; ++i)
    if (std::min(shown_same[i], shown_different[i]) < kMinFeatureSupport) {
      learned[i] = 0;
      model.unsupported.push_back(feature_names()[i]);
    }
  for (int iteration = 0; iteration < 50; ++iteration) {
    std::vector<double> gradient(n, 0.0);
    std::vector<std::vector<double>> hessian(n, std::vector<double>(n, 0.0));
    for (const auto& pair : pairs) {
      double p = model.probability(pair.features);
      double error = pair.weight * (p - (pair.same ? 1.0 : 0.0));
      double curvature = pair.weight * std::max(p * (1 - p), 1e-9);
      for (size_t i = 0; i < n; ++i) {
        gradient[i] += error * pair.features[i];
        for (size_t k = 0; k < n; ++k) hessian[i][k] += curvature * pair.features[i] * pair.features[k];
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

}  // namespace bzpeer::identity

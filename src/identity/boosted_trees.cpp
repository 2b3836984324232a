#include "identity/boosted_trees.hpp"

#include <xgboost/c_api.h>

#include <cmath>
#include <memory>

namespace bzpeer::identity {

namespace {

// The direction each feature may push the probability: +1 only up, -1 only down, 0 free.
std::string monotone_constraints() {
  std::vector<int> c(kFeatureCount, 0);
  c[kGivenSame] = c[kGivenFirstSame] = 1;
  c[kGivenConflict] = c[kMiddleConflict] = -1;
  c[kSharedCoauthorsLog] = c[kCoauthorJaccard] = c[kTextCosine] = c[kVenueSimilarity] = 1;
  c[kCategoryJaccard] = c[kAffiliationJaccard] = c[kMiddleAgreement] = 1;
  c[kYearGap] = -1;
  c[kGivenNameCommonness] = c[kFamilyNameCommonness] = -1;
  std::string out = "(";
  for (size_t i = 0; i < c.size(); ++i) out += (i ? "," : "") + std::to_string(c[i]);
  return out + ")";
}

Status xgb_check(int rc, const char* what) {
  if (rc == 0) return Ok{};
  return make_error(ErrorCode::internal, std::string("XGBoost ") + what + ": " + XGBGetLastError());
}

struct MatrixDeleter {
  void operator()(void* m) const { XGDMatrixFree(m); }
};
struct BoosterDeleter {
  void operator()(void* b) const { XGBoosterFree(b); }
};
using Matrix = std::unique_ptr<void, MatrixDeleter>;
using Booster = std::unique_ptr<void, BoosterDeleter>;

Result<Matrix> matrix_of(const std::vector<Features>& rows) {
  std::vector<float> data;
  data.reserve(rows.size() * kFeatureCount);
  for (const auto& row : rows)
    for (double v : row) data.push_back(static_cast<float>(v));
  DMatrixHandle handle = nullptr;
  if (auto s = xgb_check(XGDMatrixCreateFromMat(data.data(), rows.size(), kFeatureCount, std::nanf(""), &handle),
                         "matrix");
      !s)
    return s.error();
  return Matrix(handle);
}

}  // namespace

Result<nlohmann::json> train_boosted_trees(const std::vector<TrainingPair>& pairs, const BoostingParams& params) {
  if (pairs.empty()) return make_error(ErrorCode::invalid_input, "no training pairs");
  std::vector<Features> rows;
  std::vector<float> labels, weights;
  for (const auto& p : pairs) {
    rows.push_back(p.features);
    labels.push_back(p.same ? 1.0f : 0.0f);
    weights.push_back(static_cast<float>(p.weight));
  }
  auto matrix = matrix_of(rows);
  if (!matrix) return matrix.error();
  if (auto s = xgb_check(XGDMatrixSetFloatInfo(matrix->get(), "label", labels.data(), labels.size()), "labels"); !s)
    return s.error();
  if (auto s = xgb_check(XGDMatrixSetFloatInfo(matrix->get(), "weight", weights.data(), weights.size()), "weights"); !s)
    return s.error();
  BoosterHandle handle = nullptr;
  DMatrixHandle train[] = {matrix->get()};
  if (auto s = xgb_check(XGBoosterCreate(train, 1, &handle), "booster"); !s) return s.error();
  Booster booster(handle);
  const std::pair<std::string, std::string> settings[] = {
      {"objective", "binary:logistic"},
      {"tree_method", "hist"},
      {"max_depth", std::to_string(params.max_depth)},
      {"eta", std::to_string(params.learning_rate)},
      {"min_child_weight", std::to_string(params.min_child_weight)},
      {"lambda", std::to_string(params.l2)},
      {"base_score", "0.5"},
      {"monotone_constraints", monotone_constraints()},
      {"seed", "0"},
      {"nthread", "1"},
      {"verbosity", "0"},
  };
  for (const auto& [key, value] : settings)
    if (auto s = xgb_check(XGBoosterSetParam(booster.get(), key.c_str(), value.c_str()), key.c_str()); !s)
      return s.error();
  for (int round = 0; round < params.rounds; ++round)
    if (auto s = xgb_check(XGBoosterUpdateOneIter(booster.get(), round, matrix->get()), "training"); !s)
      return s.error();
  bst_ulong length = 0;
  const char* bytes = nullptr;
  if (auto s = xgb_check(XGBoosterSaveModelToBuffer(booster.get(), R"({"format": "json"})", &length, &bytes), "save"); !s)
    return s.error();
  auto model = nlohmann::json::parse(std::string(bytes, length), nullptr, false);
  if (model.is_discarded()) return make_error(ErrorCode::internal, "XGBoost wrote a model that is not JSON");
  return model;
}

Result<std::vector<double>> xgboost_predict(const nlohmann::json& model, const std::vector<Features>& rows) {
  BoosterHandle handle = nullptr;
  if (auto s = xgb_check(XGBoosterCreate(nullptr, 0, &handle), "booster"); !s) return s.error();
  Booster booster(handle);
  std::string text = model.dump();
  if (auto s = xgb_check(XGBoosterLoadModelFromBuffer(booster.get(), text.data(), text.size()), "load"); !s)
    return s.error();
  auto matrix = matrix_of(rows);
  if (!matrix) return matrix.error();
  bst_ulong length = 0;
  const float* out = nullptr;
  if (auto s = xgb_check(XGBoosterPredict(booster.get(), matrix->get(), 0, 0, 0, &length, &out), "predict"); !s)
    return s.error();
  return std::vector<double>(out, out + length);
}

}  // namespace bzpeer::identity

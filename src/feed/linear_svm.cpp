#include "feed/linear_svm.hpp"

#include <linear.h>

#include <algorithm>
#include <mutex>

namespace bzpeer::feed {

namespace {

void quiet(const char*) {}

// The features of the training set renumbered 1..n (liblinear wants small indices; the
// hashed space has four million), with the bias as feature n + 1.
struct Problem {
  std::vector<TermId> features;  // index - 1 -> term
  std::vector<std::vector<feature_node>> rows;
  std::vector<feature_node*> row_pointers;
  std::vector<double> labels;
};

Problem make_problem(std::span<const TermVector* const> positives, std::span<const TermVector* const> negatives) {
  Problem p;
  std::unordered_map<TermId, int> index;
  auto add_rows = [&](std::span<const TermVector* const> side, double label) {
    for (const TermVector* v : side) {
      if (!v || v->empty()) continue;
      std::vector<feature_node> row;
      for (size_t i = 0; i < v->terms.size(); ++i) {
        auto [it, added] = index.emplace(v->terms[i], static_cast<int>(p.features.size()) + 1);
        if (added) p.features.push_back(v->terms[i]);
        row.push_back({it->second, v->weights[i]});
      }
      std::sort(row.begin(), row.end(), [](const feature_node& a, const feature_node& b) { return a.index < b.index; });
      p.rows.push_back(std::move(row));
      p.labels.push_back(label);
    }
  };
  add_rows(positives, 1);  // first, so that liblinear's first label is +1
  add_rows(negatives, -1);
  const int bias_index = static_cast<int>(p.features.size()) + 1;
  for (auto& row : p.rows) {
    row.push_back({bias_index, 1.0});
    row.push_back({-1, 0.0});
  }
  for (auto& row : p.rows) p.row_pointers.push_back(row.data());
  return p;
}

}  // namespace

double LinearScorer::score(const TermVector& v) const {
  double sum = bias_;
  for (size_t i = 0; i < v.terms.size(); ++i)
    if (auto it = weights_.find(v.terms[i]); it != weights_.end()) sum += static_cast<double>(it->second) * v.weights[i];
  return sum;
}

std::vector<std::pair<TermId, double>> LinearScorer::top_terms(const TermVector& v, size_t limit) const {
  std::vector<std::pair<TermId, double>> parts;
  for (size_t i = 0; i < v.terms.size(); ++i)
    if (auto it = weights_.find(v.terms[i]); it != weights_.end() && it->second > 0)
      parts.emplace_back(v.terms[i], static_cast<double>(it->second) * v.weights[i]);
  std::sort(parts.begin(), parts.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (parts.size() > limit) parts.resize(limit);
  return parts;
}

LinearScorer fit_linear_svm(std::span<const TermVector* const> positives, std::span<const TermVector* const> negatives,
                            const SvmOptions& options) {
  Problem p = make_problem(positives, negatives);
  const auto n_positive = static_cast<size_t>(std::count(p.labels.begin(), p.labels.end(), 1.0));
  const size_t n_negative = p.labels.size() - n_positive;
  if (n_positive == 0 || n_negative == 0) return {};

  static std::once_flag silence;
  std::call_once(silence, [] { set_print_string_function(&quiet); });

  problem prob{};
  prob.l = static_cast<int>(p.rows.size());
  prob.n = static_cast<int>(p.features.size()) + 1;
  prob.y = p.labels.data();
  prob.x = p.row_pointers.data();
  prob.bias = 1;
  // Balanced classes: each side weighs as much as the other, however many it has.
  int weight_labels[2] = {1, -1};
  double weights[2] = {static_cast<double>(p.labels.size()) / (2.0 * n_positive),
                       static_cast<double>(p.labels.size()) / (2.0 * n_negative)};
  parameter param{};
  param.solver_type = L2R_L2LOSS_SVC_DUAL;
  param.C = options.C;
  param.eps = options.tolerance;
  param.nr_weight = 2;
  param.weight_label = weight_labels;
  param.weight = weights;
  if (check_parameter(&prob, &param) != nullptr) return {};
  ::model* m = train(&prob, &param);
  // The decision function of label +1 (liblinear's first label: the positives came first).
  absl::flat_hash_map<TermId, float> w;
  w.reserve(p.features.size());
  for (size_t i = 0; i < p.features.size(); ++i) {
    double c = get_decfun_coef(m, static_cast<int>(i) + 1, 0);
    if (c != 0) w.emplace(p.features[i], static_cast<float>(c));
  }
  float bias = static_cast<float>(get_decfun_bias(m, 0));
  free_and_destroy_model(&m);
  return LinearScorer(std::move(w), bias);
}

}  // namespace bzpeer::feed

#include "identity/metrics.hpp"

#include <map>
#include <stdexcept>

namespace bzpeer::identity {

namespace {
double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
}  // namespace

ClusterScores score_clusters(const std::vector<std::string>& truth, const std::vector<std::string>& predicted) {
  if (truth.size() != predicted.size()) throw std::invalid_argument("score_clusters: label counts differ");
  ClusterScores s;
  if (truth.empty()) return s;
  std::map<std::string, double> true_size, predicted_size;
  std::map<std::pair<std::string, std::string>, double> overlap;
  for (size_t i = 0; i < truth.size(); ++i) {
    ++true_size[truth[i]];
    ++predicted_size[predicted[i]];
    ++overlap[{truth[i], predicted[i]}];
  }
  // B3: element i's precision is |its predicted cluster ∩ its true cluster| / |predicted|.
  double precision = 0, recall = 0;
  for (const auto& [key, n] : overlap) {
    precision += n * n / predicted_size[key.second];
    recall += n * n / true_size[key.first];
  }
  auto n = static_cast<double>(truth.size());
  s.b3_precision = precision / n;
  s.b3_recall = recall / n;
  s.b3_f1 = f1(s.b3_precision, s.b3_recall);

  auto pairs = [](double k) { return k * (k - 1) / 2; };
  double same_both = 0, same_predicted = 0, same_true = 0;
  for (const auto& [key, k] : overlap) same_both += pairs(k);
  for (const auto& [key, k] : predicted_size) same_predicted += pairs(k);
  for (const auto& [key, k] : true_size) same_true += pairs(k);
  s.pairwise_precision = same_predicted > 0 ? same_both / same_predicted : 1;
  s.pairwise_recall = same_true > 0 ? same_both / same_true : 1;
  s.pairwise_f1 = f1(s.pairwise_precision, s.pairwise_recall);
  return s;
}

}  // namespace bzpeer::identity

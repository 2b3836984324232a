#include "identity/eval/evaluate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "core/text.hpp"

namespace bzpeer::identity {

namespace {

std::vector<std::string> predicted_labels(size_t n, const std::vector<std::vector<size_t>>& clusters) {
  std::vector<std::string> out(n);
  for (size_t c = 0; c < clusters.size(); ++c)
    for (size_t i : clusters[c]) out[i] = std::to_string(c);
  return out;
}

size_t distinct(const std::vector<std::string>& labels) {
  return std::set<std::string>(labels.begin(), labels.end()).size();
}

double b3_of(const LabelledSet& set, const std::vector<std::vector<size_t>>& blocks, const PairModel& model) {
  std::vector<std::string> truth, predicted;
  size_t cluster_id = 0;
  for (const auto& block : blocks)
    for (const auto& cluster : cluster_block(set.evidence, block, model)) {
      for (size_t i : cluster) {
        truth.push_back(set.labels[i]);
        predicted.push_back(std::to_string(cluster_id));
      }
      ++cluster_id;
    }
  return score_clusters(truth, predicted).b3_f1;
}

// The result for `predicted` (a cluster label per signature), with the name-string baseline.
EvalResult scored(const LabelledSet& set, std::vector<std::string> predicted, std::chrono::steady_clock::time_point start) {
  EvalResult r;
  r.dataset = set.name;
  r.signatures = set.labels.size();
  r.scores = score_clusters(set.labels, predicted);
  r.clusters_true = distinct(set.labels);
  r.clusters_pred = distinct(predicted);
  r.predicted = std::move(predicted);
  std::vector<std::string> baseline;
  for (const auto& s : set.evidence.signatures) baseline.push_back(s.raw_name);
  r.baseline_b3_f1 = score_clusters(set.labels, baseline).b3_f1;
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

}  // namespace

std::string EvalResult::to_json() const {
  nlohmann::ordered_json j;
  j["dataset"] = dataset;
  j["signatures"] = signatures;
  j["clusters_true"] = clusters_true;
  j["clusters_pred"] = clusters_pred;
  j["b3_precision"] = scores.b3_precision;
  j["b3_recall"] = scores.b3_recall;
  j["b3_f1"] = scores.b3_f1;
  j["pairwise_f1"] = scores.pairwise_f1;
  j["baseline_b3_f1"] = baseline_b3_f1;
  j["seconds"] = seconds;
  return j.dump();
}

std::vector<TrainingPair> training_pairs(const LabelledSet& set, const std::vector<std::vector<size_t>>& blocks,
                                         const GivenNameCounts& given_names, size_t max_block) {
  std::vector<TrainingPair> pairs;
  std::mt19937_64 rng(7);
  for (auto block : blocks) {
    if (block.size() > max_block) {
      std::shuffle(block.begin(), block.end(), rng);
      block.resize(max_block);
      std::sort(block.begin(), block.end());
    }
    for (size_t x = 0; x < block.size(); ++x)
      for (size_t y = x + 1; y < block.size(); ++y) {
        const auto& a = set.evidence.signatures[block[x]];
        const auto& b = set.evidence.signatures[block[y]];
        if (a.work == b.work) continue;
        pairs.push_back({pair_features(set.evidence, a, b, given_names), set.labels[block[x]] == set.labels[block[y]]});
      }
  }
  return pairs;
}

PairModel train_model(const std::vector<const LabelledSet*>& sets,
                      const std::vector<std::vector<std::vector<size_t>>>& blocks_per_set,
                      const GivenNameCounts& given_names) {
  std::vector<TrainingPair> pairs;
  // Small datasets are weighted up by the square root of how much smaller they are:
  // heard, without letting a few dozen pairs outweigh thousands.
  std::vector<std::vector<TrainingPair>> per_set;
  size_t total = 0;
  for (size_t s = 0; s < sets.size(); ++s) {
    per_set.push_back(training_pairs(*sets[s], blocks_per_set[s], given_names));
    total += per_set.back().size();
  }
  for (auto& set_pairs : per_set) {
    double weight = set_pairs.empty() ? 0 : std::sqrt(static_cast<double>(total) / static_cast<double>(per_set.size() * set_pairs.size()));
    for (auto& p : set_pairs) p.weight = weight;
    pairs.insert(pairs.end(), set_pairs.begin(), set_pairs.end());
  }
  PairModel model = fit_pair_model(pairs, given_names);
  // The threshold maximises B3 F1 pooled over all training signatures (each set weighted
  // by its size): one scalar is set by all the data, and a 14-signature file cannot
  // outvote thousands as it could if every set's F1 counted the same.
  double best_f1 = -1, best_threshold = 0.5;
  for (double t = 0.1; t < 0.95; t += 0.05) {
    model.threshold = t;
    double total = 0;
    for (size_t s = 0; s < sets.size(); ++s)
      total += static_cast<double>(sets[s]->labels.size()) * b3_of(*sets[s], blocks_per_set[s], model);
    if (total > best_f1 + 1e-9) {
      best_f1 = total;
      best_threshold = t;
    }
  }
  model.threshold = best_threshold;
  return model;
}

EvalResult evaluate(const LabelledSet& set, const PairModel& model) {
  auto start = std::chrono::steady_clock::now();
  auto clusters = cluster_all(set.evidence, model);
  return scored(set, predicted_labels(set.labels.size(), clusters), start);
}

EvalResult cross_validate(const LabelledSet& set, int folds, const GivenNameCounts& given_names,
                          const std::vector<const LabelledSet*>& extra) {
  auto start = std::chrono::steady_clock::now();
  auto blocks = group_by_block(set.evidence);
  std::vector<int> fold_of(blocks.size());
  for (size_t b = 0; b < blocks.size(); ++b)
    fold_of[b] = static_cast<int>(text::stable_hash(set.evidence.signatures[blocks[b][0]].block) % static_cast<unsigned>(folds));
  std::vector<std::string> predicted(set.labels.size());
  size_t cluster_id = 0;
  for (int f = 0; f < folds; ++f) {
    std::vector<std::vector<size_t>> train, test;
    for (size_t b = 0; b < blocks.size(); ++b) (fold_of[b] == f ? test : train).push_back(blocks[b]);
    if (test.empty()) continue;
    std::vector<const LabelledSet*> sets = {&set};
    std::vector<std::vector<std::vector<size_t>>> blocks_per_set = {train};
    for (const auto* e : extra) {
      sets.push_back(e);
      blocks_per_set.push_back(group_by_block(e->evidence));
    }
    PairModel model = train_model(sets, blocks_per_set, given_names);
    for (const auto& block : test)
      for (const auto& cluster : cluster_block(set.evidence, block, model)) {
        for (size_t i : cluster) predicted[i] = std::to_string(cluster_id);
        ++cluster_id;
      }
  }
  return scored(set, std::move(predicted), start);
}

}  // namespace bzpeer::identity

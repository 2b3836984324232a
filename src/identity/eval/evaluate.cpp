#include "identity/eval/evaluate.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "core/parallel.hpp"
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

// Whether some block of `set` holds two people: only such a set can show a wrong merge.
bool tells_people_apart(const LabelledSet& set, const std::vector<std::vector<size_t>>& blocks) {
  for (const auto& block : blocks)
    for (size_t i : block)
      if (set.labels[i] != set.labels[block[0]]) return true;
  return false;
}

// The result for `predicted` (a cluster label per signature), with the name-string baseline.
EvalResult scored(const LabelledSet& set, std::vector<std::string> predicted, std::chrono::steady_clock::time_point start) {
  // Known records (set.known) constrain the clustering but are not scored.
  auto from = static_cast<std::ptrdiff_t>(set.known);
  std::vector<std::string> labels(set.labels.begin() + from, set.labels.end());
  std::vector<std::string> scored_predicted(predicted.begin() + from, predicted.end());
  EvalResult r;
  r.dataset = set.name;
  r.signatures = labels.size();
  r.scores = score_clusters(labels, scored_predicted);
  r.clusters_true = distinct(labels);
  r.clusters_pred = distinct(scored_predicted);
  r.predicted = std::move(predicted);
  std::vector<std::string> baseline;
  for (size_t i = set.known; i < set.evidence.signatures.size(); ++i) baseline.push_back(set.evidence.signatures[i].raw_name);
  r.baseline_b3_f1 = score_clusters(labels, baseline).b3_f1;
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
                                         const NameCounts& reference_counts, size_t max_block) {
  NameCounts name_counts = with_corpus_counts(reference_counts, count_names(set.evidence));
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
        if (set.name_forms_only && compare_given(a.name, b.name) == GivenNameMatch::same &&
            a.name.middle_initials == b.name.middle_initials)
          continue;
        pairs.push_back({pair_features(set.evidence, a, b, name_counts), set.labels[block[x]] == set.labels[block[y]]});
      }
  }
  return pairs;
}

namespace {

// A labelled set with fewer pairs than this of either kind (same person, different
// people) is not a sample of anything: it is not weighted up. S2AND's sample ("dummy",
// a fixture of its tests) has 2 same-person pairs, and weighted up it bent the whole model.
constexpr size_t kMinSamplePairs = 10;

// A model fitted on `blocks_per_set`. Small datasets are weighted up by the
// square root of how much smaller they are: heard, without letting a few dozen pairs
// outweigh thousands.
Result<PairModel> fit_weights(const std::vector<const LabelledSet*>& sets,
                              const std::vector<std::vector<std::vector<size_t>>>& blocks_per_set,
                              const NameCounts& name_counts, Learner learner) {
  std::vector<std::vector<TrainingPair>> per_set;
  size_t total = 0;
  for (size_t s = 0; s < sets.size(); ++s) {
    per_set.push_back(training_pairs(*sets[s], blocks_per_set[s], name_counts));
    total += per_set.back().size();
  }
  std::vector<TrainingPair> pairs;
  for (auto& set_pairs : per_set) {
    size_t same = static_cast<size_t>(std::count_if(set_pairs.begin(), set_pairs.end(), [](const auto& p) { return p.same; }));
    bool a_sample = std::min(same, set_pairs.size() - same) >= kMinSamplePairs;
    double weight = !a_sample ? 1.0
                              : std::sqrt(static_cast<double>(total) / static_cast<double>(per_set.size() * set_pairs.size()));
    for (auto& p : set_pairs) p.weight = weight;
    pairs.insert(pairs.end(), set_pairs.begin(), set_pairs.end());
  }
  if (learner == Learner::logistic) return fit_pair_model(pairs, name_counts);
  return fit_tree_model(pairs, name_counts);
}

constexpr int kThresholdFolds = 3;

std::vector<double> candidate_thresholds() {
  std::vector<double> out;
  for (int i = 2; i <= 18; ++i) out.push_back(i * 0.05);
  return out;
}

// The merge threshold with the best out-of-fold B3 F1. Each set's blocks are split in
// folds; every fold is clustered, at each candidate threshold, by weights fitted on the
// other folds, so the threshold is judged on blocks its weights never saw (weights
// judged on their own training pairs look sure of everything, and the best threshold
// there is noise). Scores are pooled over the sets that tell people apart, each weighted
// by its size: a 14-signature file cannot outvote thousands. Sets of one person per name
// are left out: they can only vote for merging, and how loudly depends on how many
// names were sampled, not on the data.
Result<double> out_of_fold_threshold(const std::vector<const LabelledSet*>& sets,
                                     const std::vector<std::vector<std::vector<size_t>>>& blocks_per_set,
                                     const NameCounts& name_counts, Learner learner) {
  auto thresholds = candidate_thresholds();
  std::vector<size_t> judges;
  for (size_t s = 0; s < sets.size(); ++s)
    if (tells_people_apart(*sets[s], blocks_per_set[s])) judges.push_back(s);
  if (judges.empty()) return 0.5;
  auto fold_of = [&](size_t s, const std::vector<size_t>& block) {
    return static_cast<int>(text::stable_hash(sets[s]->evidence.signatures[block[0]].block) % kThresholdFolds);
  };
  // For set s at threshold t, the true and the predicted cluster of each scored signature.
  std::vector<std::vector<std::vector<std::string>>> truth(sets.size()), predicted(sets.size());
  for (size_t s : judges) {
    truth[s].resize(thresholds.size());
    predicted[s].resize(thresholds.size());
  }
  size_t cluster_id = 0;
  for (int f = 0; f < kThresholdFolds; ++f) {
    std::vector<std::vector<std::vector<size_t>>> train(sets.size());
    for (size_t s = 0; s < sets.size(); ++s)
      for (const auto& block : blocks_per_set[s])
        if (fold_of(s, block) != f) train[s].push_back(block);
    auto fitted = fit_weights(sets, train, name_counts, learner);
    if (!fitted) return fitted.error();
    for (size_t s : judges) {
      PairModel model = for_corpus(*fitted, sets[s]->evidence);
      for (const auto& block : blocks_per_set[s]) {
        if (fold_of(s, block) != f) continue;
        for (size_t t = 0; t < thresholds.size(); ++t) {
          model.threshold = thresholds[t];
          for (const auto& cluster : cluster_block(sets[s]->evidence, block, model)) {
            for (size_t i : cluster) {
              truth[s][t].push_back(sets[s]->labels[i]);
              predicted[s][t].push_back(std::to_string(cluster_id));
            }
            ++cluster_id;
          }
        }
      }
    }
  }
  double best_score = -1, best = 0.5;
  for (size_t t = 0; t < thresholds.size(); ++t) {
    double score = 0;
    for (size_t s : judges)
      score += static_cast<double>(truth[s][t].size()) * score_clusters(truth[s][t], predicted[s][t]).b3_f1;
    if (score > best_score + 1e-9) {
      best_score = score;
      best = thresholds[t];
    }
  }
  return best;
}

}  // namespace

Result<PairModel> train_model(const std::vector<const LabelledSet*>& sets,
                              const std::vector<std::vector<std::vector<size_t>>>& blocks_per_set,
                              const NameCounts& name_counts, Learner learner) {
  auto model = fit_weights(sets, blocks_per_set, name_counts, learner);
  if (!model) return model;
  auto threshold = out_of_fold_threshold(sets, blocks_per_set, name_counts, learner);
  if (!threshold) return threshold.error();
  model->threshold = *threshold;
  return model;
}

EvalResult evaluate(const LabelledSet& set, const PairModel& model) {
  auto start = std::chrono::steady_clock::now();
  auto clusters = cluster_all(set.evidence, model);
  return scored(set, predicted_labels(set.labels.size(), clusters), start);
}

Result<EvalResult> cross_validate(const LabelledSet& set, int folds, const NameCounts& name_counts,
                                  const std::vector<const LabelledSet*>& extra, Learner learner) {
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
    auto trained = train_model(sets, blocks_per_set, name_counts, learner);
    if (!trained) return trained.error();
    PairModel model = for_corpus(*trained, set.evidence);
    for (const auto& block : test)
      for (const auto& cluster : cluster_block(set.evidence, block, model)) {
        for (size_t i : cluster) predicted[i] = std::to_string(cluster_id);
        ++cluster_id;
      }
  }
  return scored(set, std::move(predicted), start);
}

Result<std::vector<EvalResult>> leave_one_source_out(const std::vector<const LabelledSet*>& units,
                                                     const std::vector<bool>& scored, const NameCounts& name_counts,
                                                     Learner learner) {
  std::vector<std::vector<std::vector<size_t>>> blocks;
  for (const auto* u : units) blocks.push_back(group_by_block(u->evidence));
  std::vector<size_t> left_out;
  for (size_t u = 0; u < units.size(); ++u)
    if (scored[u]) left_out.push_back(u);
  // Each unit's model is independent of the others': trained side by side.
  std::vector<std::optional<Result<EvalResult>>> results(left_out.size());
  parallel_for(left_out.size(), [&](size_t i) {
    std::vector<const LabelledSet*> train;
    std::vector<std::vector<std::vector<size_t>>> train_blocks;
    for (size_t u = 0; u < units.size(); ++u)
      if (u != left_out[i]) {
        train.push_back(units[u]);
        train_blocks.push_back(blocks[u]);
      }
    auto model = train_model(train, train_blocks, name_counts, learner);
    if (!model) results[i] = model.error();
    else results[i] = evaluate(*units[left_out[i]], *model);
  });
  std::vector<EvalResult> out;
  for (auto& r : results) {
    if (!*r) return r->error();
    out.push_back(std::move(**r));
  }
  return out;
}

}  // namespace bzpeer::identity

#pragma once
// A reader's own scorer: a linear SVM over tf-idf vectors, fitted on the works the
// reader wants (claimed, saved, liked) against works they do not (dismissed, sampled),
// as arxiv-sanity-lite fits scikit-learn's LinearSVC. The fit runs in liblinear, the
// library LinearSVC itself runs (L2-regularised squared hinge loss, dual solver,
// classes weighted by their sizes).
#include <span>
#include <string>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "feed/term_vector.hpp"

namespace bzpeer::feed {

struct SvmOptions {
  double C = 0.1;  // arxiv-sanity-lite's choice: strong regularisation for few positives
  double tolerance = 1e-3;
};

class LinearScorer {
 public:
  LinearScorer() = default;
  LinearScorer(absl::flat_hash_map<TermId, float> weights, float bias) : weights_(std::move(weights)), bias_(bias) {}

  // The signed distance from the boundary: above 0 reads as wanted.
  double score(const TermVector& v) const;
  // Each term's part in score(v), largest first, at most `limit` (for "why this work").
  std::vector<std::pair<TermId, double>> top_terms(const TermVector& v, size_t limit) const;
  bool empty() const { return weights_.empty(); }

 private:
  absl::flat_hash_map<TermId, float> weights_;
  float bias_ = 0;
};

// Fits the scorer; empty when either side has no vector with a term.
LinearScorer fit_linear_svm(std::span<const TermVector* const> positives, std::span<const TermVector* const> negatives,
                            const SvmOptions& options = {});

}  // namespace bzpeer::feed

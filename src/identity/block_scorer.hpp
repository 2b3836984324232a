#pragma once
// Scores many pairs of one block (or one cluster) fast, with the same probabilities as
// pair_probability (linkage_rules.hpp): the features of two names are worked out once
// for each pair of name forms it holds (it holds few: "wei wang", "w wang"), and one
// signature's text is spread over a dense row once, so its cosine with each partner is
// a gather of the partner's terms instead of a merge of two term lists. The row is the
// thread's own and reused, so a scorer a cluster costs little (and a thread has one
// scorer at a time).
#include <cstdint>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

class BlockScorer {
 public:
  BlockScorer(const EvidenceSet& set, const std::vector<size_t>& members, const PairModel& model);
  ~BlockScorer();
  BlockScorer(const BlockScorer&) = delete;
  BlockScorer& operator=(const BlockScorer&) = delete;
  // The next pairs scored are (members[a], members[b]) for this `a`.
  void focus(size_t a);
  // pair_probability: certain for one identifier, 0 for pairs left to the topic stage,
  // else the model's.
  double probability(size_t b);
  // The model's probability whatever the rules say (explanations show it).
  double model_probability(size_t b);
  // The cosine of the two works' terms (0 when either has none).
  double text_cosine(size_t b) const;

 private:
  const EvidenceSet& set_;
  const std::vector<size_t>& members_;
  const PairModel& model_;
  std::vector<std::uint32_t> form_;  // each member's name form
  absl::flat_hash_map<std::uint64_t, Features> name_features_;  // by the two forms
  std::vector<float>& row_;          // the focused work's term weights by term id
  size_t focused_ = SIZE_MAX;
};

}  // namespace bzpeer::identity

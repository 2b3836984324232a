#pragma once
// Scores many pairs of one large block fast, with the same probabilities as
// pair_probability (linkage_rules.hpp): the features of two names are worked out once
// for each pair of name forms the block holds (it holds few: "wei wang", "w wang"), and
// one signature's text is spread over a dense row once, so its cosine with each partner
// is a gather of the partner's terms instead of a merge of two term lists.
#include <cstdint>
#include <vector>

#include <absl/container/flat_hash_map.h>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

class BlockScorer {
 public:
  BlockScorer(const EvidenceSet& set, const std::vector<size_t>& members, const PairModel& model);
  // The next pairs scored are (members[a], members[b]) for this `a`.
  void focus(size_t a);
  double probability(size_t b);

 private:
  const EvidenceSet& set_;
  const std::vector<size_t>& members_;
  const PairModel& model_;
  std::vector<std::uint32_t> form_;  // each member's name form
  absl::flat_hash_map<std::uint64_t, Features> name_features_;  // by the two forms
  std::vector<float> row_;           // the focused work's term weights by term id
  size_t focused_ = SIZE_MAX;
};

}  // namespace bzpeer::identity

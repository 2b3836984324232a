#include "identity/block_scorer.hpp"

#include <string>
#include <unordered_map>

#include "identity/linkage_rules.hpp"

namespace bzpeer::identity {

namespace {

// Everything name_features reads of a parsed name.
std::string form_key(const ParsedName& n) {
  std::string key = n.family;
  for (const auto& g : n.given) key += '\x1f' + g;
  key += '\x1e' + n.middle_initials + '\x1e' + n.first_initial + (n.first_is_initial ? "i" : "f");
  return key;
}

// Each thread's dense row, all zero between scorers.
std::vector<float>& thread_row() {
  thread_local std::vector<float> row;
  return row;
}

}  // namespace

BlockScorer::BlockScorer(const EvidenceSet& set, const std::vector<size_t>& members, const PairModel& model)
    : set_(set), members_(members), model_(model), form_(members.size()), row_(thread_row()) {
  std::unordered_map<std::string, std::uint32_t> forms;
  std::uint32_t terms = 0;
  for (size_t i = 0; i < members.size(); ++i) {
    const auto& s = set.signatures[members[i]];
    form_[i] = forms.try_emplace(form_key(s.name), static_cast<std::uint32_t>(forms.size())).first->second;
    for (const auto& t : set.works[s.work].terms) terms = std::max(terms, t.term + 1);
  }
  if (row_.size() < terms) row_.resize(terms, 0.0f);
}

BlockScorer::~BlockScorer() { focus(SIZE_MAX); }

void BlockScorer::focus(size_t a) {
  if (focused_ != SIZE_MAX)
    for (const auto& t : set_.works[set_.signatures[members_[focused_]].work].terms) row_[t.term] = 0.0f;
  focused_ = a;
  if (a == SIZE_MAX) return;
  for (const auto& t : set_.works[set_.signatures[members_[a]].work].terms) row_[t.term] = t.weight;
}

double BlockScorer::probability(size_t b) {
  const auto& sa = set_.signatures[members_[focused_]];
  const auto& sb = set_.signatures[members_[b]];
  if (certainly_one_person(sa, sb)) return 1.0;
  if (left_to_topic_stage(set_, sa, sb)) return 0.0;
  return model_probability(b);
}

double BlockScorer::model_probability(size_t b) {
  const auto& sa = set_.signatures[members_[focused_]];
  const auto& sb = set_.signatures[members_[b]];
  const std::uint64_t key = std::uint64_t{form_[focused_]} << 32 | form_[b];
  auto names = name_features_.find(key);
  if (names == name_features_.end()) names = name_features_.emplace(key, name_features(sa.name, sb.name, model_.name_counts)).first;
  bool text = !set_.works[sa.work].terms.empty() && !set_.works[sb.work].terms.empty();
  return model_.probability(with_work_features(names->second, set_, sa, sb, text ? text_cosine(b) : kMissing));
}

double BlockScorer::text_cosine(size_t b) const {
  // Summed in the partner's term order, as text_similarity sums the shared terms.
  double dot = 0;
  for (const auto& t : set_.works[set_.signatures[members_[b]].work].terms) dot += static_cast<double>(row_[t.term]) * t.weight;
  return dot;
}

}  // namespace bzpeer::identity

#include "identity/pair_features.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace bzpeer::identity {

namespace {

// |a ∩ b| of two sorted vectors.
int intersection(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  int n = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

// Jaccard of two sorted sets; missing when either is empty (nothing to compare).
double jaccard_or_missing(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return kMissing;
  int common = intersection(a, b);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - static_cast<size_t>(common));
}

}  // namespace

const std::array<const char*, kFeatureCount>& feature_names() {
  static const std::array<const char*, kFeatureCount> names = {
      "bias",           "given_same",        "given_first_same",    "given_nickname",   "given_initials_only",
      "given_conflict", "middle_conflict",   "shared_coauthors_log", "coauthor_jaccard", "text_cosine",
      "venue_similarity", "category_jaccard", "affiliation_jaccard", "year_gap",        "middle_agreement",
      "given_name_commonness", "family_name_commonness", "fewer_coauthors_log", "initial_only_names"};
  return names;
}

size_t coauthor_count(const EvidenceSet& set, const Signature& s) {
  size_t keys = set.works[s.work].author_keys.size();
  return keys > 0 ? keys - 1 : 0;
}

int shared_coauthors(const EvidenceSet& set, const Signature& a, const Signature& b) {
  const auto& ka = set.works[a.work].author_keys;
  const auto& kb = set.works[b.work].author_keys;
  int common = intersection(ka, kb);
  // Both lists hold the block's own key (the two signatures themselves): not a co-author.
  if (std::binary_search(ka.begin(), ka.end(), a.own_key) && std::binary_search(kb.begin(), kb.end(), a.own_key))
    --common;
  return std::max(common, 0);
}

bool one_cites_the_other(const EvidenceSet& set, const Signature& a, const Signature& b) {
  const auto& wa = set.works[a.work];
  const auto& wb = set.works[b.work];
  return (wb.id && std::binary_search(wa.cited.begin(), wa.cited.end(), wb.id)) ||
         (wa.id && std::binary_search(wb.cited.begin(), wb.cited.end(), wa.id));
}

double text_similarity(const EvidenceSet& set, const Signature& a, const Signature& b) {
  const auto& x = set.works[a.work].terms;
  const auto& y = set.works[b.work].terms;
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i].term < y[j].term) ++i;
    else if (y[j].term < x[i].term) ++j;
    else { dot += static_cast<double>(x[i].weight) * y[j].weight; ++i; ++j; }
  }
  return dot;
}

Features name_features(const ParsedName& a, const ParsedName& b, const NameCounts& name_counts) {
  Features f;
  f.fill(kMissing);
  f[kBias] = 1;
  for (size_t i : {kGivenSame, kGivenFirstSame, kGivenNickname, kGivenInitialsOnly, kGivenConflict}) f[i] = 0;
  switch (compare_given(a, b)) {
    case GivenNameMatch::same: f[kGivenSame] = 1; break;
    case GivenNameMatch::first_same: f[kGivenFirstSame] = 1; break;
    case GivenNameMatch::nickname: f[kGivenNickname] = 1; break;
    case GivenNameMatch::initials: f[kGivenInitialsOnly] = 1; break;
    case GivenNameMatch::conflict: f[kGivenConflict] = 1; break;
  }
  f[kMiddleConflict] = middle_conflict(a, b) ? 1 : 0;
  f[kInitialOnlyNames] = (a.first_is_initial ? 1 : 0) + (b.first_is_initial ? 1 : 0);
  f[kMiddleAgreement] = middle_agreement(a, b);
  // The same spelled-out first name: how many people have it, and their family name.
  // Together they say how likely two people share the full name.
  if (!a.first_is_initial && !b.first_is_initial && !a.given.empty() && !b.given.empty() && a.given[0] == b.given[0]) {
    f[kGivenNameCommonness] = std::log1p(name_counts.given_count(a.given[0]));
    if (a.family == b.family) f[kFamilyNameCommonness] = std::log1p(name_counts.family_count(a.family));
  }
  return f;
}

Features unlinked_features(const EvidenceSet& set, const Signature& a, const Signature& b,
                           const NameCounts& name_counts) {
  Features f = name_features(a.name, b.name, name_counts);
  size_t fewer = std::min(coauthor_count(set, a), coauthor_count(set, b));
  f[kFewerCoauthorsLog] = std::log1p(static_cast<double>(fewer));
  if (fewer > 0) {
    f[kSharedCoauthorsLog] = 0;
    f[kCoauthorJaccard] = 0;
  }
  if (!set.works[a.work].terms.empty() && !set.works[b.work].terms.empty()) f[kTextCosine] = 0;
  return f;
}

Features pair_features(const EvidenceSet& set, const Signature& a, const Signature& b,
                       const NameCounts& name_counts) {
  const auto& ta = set.works[a.work].terms;
  const auto& tb = set.works[b.work].terms;
  double text = !ta.empty() && !tb.empty() ? text_similarity(set, a, b) : kMissing;
  return with_work_features(name_features(a.name, b.name, name_counts), set, a, b, text);
}

Features with_work_features(Features f, const EvidenceSet& set, const Signature& a, const Signature& b,
                            double text_cosine) {
  const auto& wa = set.works[a.work];
  const auto& wb = set.works[b.work];
  size_t fewer = std::min(coauthor_count(set, a), coauthor_count(set, b));
  f[kFewerCoauthorsLog] = std::log1p(static_cast<double>(fewer));
  // A work citing the other under the same name counts as one more shared co-author: no
  // labelled set lists references enough to learn a weight of its own, and authors cite
  // themselves as they write with the same people.
  bool cites = one_cites_the_other(set, a, b);
  if (fewer > 0 || cites) {
    int shared = fewer > 0 ? shared_coauthors(set, a, b) : 0;
    f[kSharedCoauthorsLog] = std::log1p(shared + (cites ? 1 : 0));
    size_t others = coauthor_count(set, a) + coauthor_count(set, b);
    if (fewer > 0) f[kCoauthorJaccard] = static_cast<double>(shared) / static_cast<double>(others - static_cast<size_t>(shared));
  }
  f[kTextCosine] = text_cosine;
  f[kVenueSimilarity] = jaccard_or_missing(wa.venue_words, wb.venue_words);
  f[kCategoryJaccard] = jaccard_or_missing(wa.categories, wb.categories);
  f[kAffiliationJaccard] = jaccard_or_missing(a.affiliation, b.affiliation);
  if (wa.year > 0 && wb.year > 0) f[kYearGap] = std::min(3.0, std::abs(wa.year - wb.year) / 10.0);
  return f;
}

}  // namespace bzpeer::identity

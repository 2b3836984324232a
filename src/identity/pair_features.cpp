#include "identity/pair_features.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace bzpeer::identity {

namespace {

// |a ∩ b| of two sorted vectors, leaving out `skip_a` and `skip_b` once each.
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

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  if (a.empty() || b.empty()) return 0;
  int common = intersection(a, b);
  return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - static_cast<size_t>(common));
}

}  // namespace

const std::array<const char*, kFeatureCount>& feature_names() {
  static const std::array<const char*, kFeatureCount> names = {
      "bias",           "given_same",        "given_first_same",  "given_nickname",   "given_initials_only",
      "given_conflict", "middle_conflict",   "shared_coauthors_log", "coauthor_jaccard", "text_cosine",
      "same_venue",     "category_jaccard",  "affiliation_jaccard", "both_affiliations", "year_gap",
      "same_email_or_orcid", "middle_agreement", "text_cosine_without_coauthors", "given_name_commonness",
      "family_name_commonness"};
  return names;
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
  Features f{};
  f[0] = 1;
  switch (compare_given(a, b)) {
    case GivenNameMatch::same: f[1] = 1; break;
    case GivenNameMatch::first_same: f[2] = 1; break;
    case GivenNameMatch::nickname: f[3] = 1; break;
    case GivenNameMatch::initials: f[4] = 1; break;
    case GivenNameMatch::conflict: f[5] = 1; break;
  }
  f[6] = middle_conflict(a, b) ? 1 : 0;
  f[14] = 0.5;  // the year gap when a year is unknown
  f[16] = middle_agreement(a, b);
  // The same spelled-out first name: how many people of the reference corpus have it,
  // and their family name. Together they say how likely two people share the full name.
  if (!a.first_is_initial && !b.first_is_initial && !a.given.empty() && !b.given.empty() && a.given[0] == b.given[0]) {
    f[18] = std::log1p(name_counts.given_count(a.given[0]));
    if (a.family == b.family) f[19] = std::log1p(name_counts.family_count(a.family));
  }
  return f;
}

Features pair_features(const EvidenceSet& set, const Signature& a, const Signature& b,
                       const NameCounts& name_counts) {
  Features f = name_features(a.name, b.name, name_counts);
  int shared = shared_coauthors(set, a, b);
  // A work citing the other under the same name counts as one more shared co-author: no
  // labelled set lists references enough to learn a weight of its own (S2AND's sample has
  // 7 papers), and authors cite themselves as they write with the same people.
  int links = shared + (one_cites_the_other(set, a, b) ? 1 : 0);
  f[7] = std::log1p(links);
  const auto& wa = set.works[a.work];
  const auto& wb = set.works[b.work];
  size_t others = wa.author_keys.size() + wb.author_keys.size();
  f[8] = others > 2 ? static_cast<double>(shared) / static_cast<double>(others - 2 - static_cast<size_t>(shared)) : 0;
  double cosine = text_similarity(set, a, b);
  f[9] = cosine;
  f[10] = wa.venue != 0 && wa.venue == wb.venue ? 1 : 0;
  f[11] = jaccard(wa.categories, wb.categories);
  f[12] = jaccard(a.affiliation, b.affiliation);
  f[13] = !a.affiliation.empty() && !b.affiliation.empty() ? 1 : 0;
  if (wa.year > 0 && wb.year > 0) f[14] = std::min(3.0, std::abs(wa.year - wb.year) / 10.0);
  f[15] = (!a.email.empty() && a.email == b.email) || (!a.orcid.empty() && a.orcid == b.orcid) ? 1 : 0;
  f[17] = links == 0 ? cosine : 0;
  return f;
}

}  // namespace bzpeer::identity

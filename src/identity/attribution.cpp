#include "identity/attribution.hpp"

#include <cstdio>

#include "core/parallel.hpp"

#include "identity/pair_features.hpp"

namespace bzpeer::identity {

namespace {

constexpr size_t kPartnersCompared = 8;  // enough to name a strong link, cheap at scale

std::string describe(const EvidenceSet& set, const Signature& s, const Signature& partner, double probability) {
  const auto& other = set.works[partner.work];
  std::string out = "Linked to \"" + other.title + "\"" + (other.year ? " (" + std::to_string(other.year) + ")" : "") + ":";
  std::vector<std::string> reasons;
  if (!s.person_id.empty() && s.person_id == partner.person_id) reasons.push_back("the same curated author id");
  int shared = shared_coauthors(set, s, partner);
  if (shared > 0) reasons.push_back(std::to_string(shared) + " shared co-author" + (shared == 1 ? "" : "s"));
  double cosine = text_similarity(set, s, partner);
  if (cosine >= 0.05) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "topic similarity %.2f", cosine);
    reasons.push_back(buf);
  }
  if (set.works[s.work].venue != 0 && set.works[s.work].venue == other.venue) reasons.push_back("same venue");
  switch (compare_given(s.name, partner.name)) {
    case GivenNameMatch::same: reasons.push_back("same full name"); break;
    case GivenNameMatch::initials: reasons.push_back("name compatible by initials"); break;
    case GivenNameMatch::nickname: reasons.push_back("name variant"); break;
    default: break;
  }
  for (size_t i = 0; i < reasons.size(); ++i) out += (i ? ", " : " ") + reasons[i];
  char buf[64];
  std::snprintf(buf, sizeof buf, " (match probability %.2f)", probability);
  return out + buf;
}

// Each member's strongest link among the first few others of its cluster.
void explain_cluster(const EvidenceSet& set, const std::vector<size_t>& cluster, const PairModel& model,
                     std::vector<std::string>& out) {
  if (cluster.size() == 1) {
    out[cluster[0]] = "No other work under this name shares enough evidence (co-authors, topic, venue) to join it.";
    return;
  }
  for (size_t m : cluster) {
    const auto& s = set.signatures[m];
    double best = -1;
    size_t partner = m;
    size_t compared = 0;
    for (size_t other : cluster) {
      if (other == m) continue;
      if (compared++ == kPartnersCompared) break;
      double p = s.person_id.empty() || s.person_id != set.signatures[other].person_id
                     ? model.probability(pair_features(set, s, set.signatures[other], model.name_counts))
                     : 1.0;
      if (p > best) {
        best = p;
        partner = other;
      }
    }
    out[m] = describe(set, s, set.signatures[partner], best);
  }
}

}  // namespace

std::vector<std::string> explain_attributions(const EvidenceSet& set, const std::vector<std::vector<size_t>>& clusters,
                                              const PairModel& model) {
  std::vector<std::string> out(set.signatures.size());
  // Clusters are independent: explain them on every core.
  parallel_for(clusters.size(), [&](size_t c) { explain_cluster(set, clusters[c], model, out); });
  return out;
}

}  // namespace bzpeer::identity

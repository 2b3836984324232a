#include "identity/attribution.hpp"

#include <cstdio>
#include <numeric>
#include <unordered_map>

#include "core/parallel.hpp"
#include "identity/block_scorer.hpp"
#include "identity/linkage_rules.hpp"
#include "identity/pair_features.hpp"

namespace bzpeer::identity {

using Strength = model::AttributionStrength;

namespace {

// Partners compared per signature: every other member of a cluster up to this size; in
// larger clusters, the members that share a co-author first, then an even spread. Enough
// to find a strong link where one exists, and cheap at a million authorships.
constexpr size_t kPartnersCompared = 24;

// Two solo works whose terms' cosine is above this are a clear link. No labelled set
// holds enough solo works of namesakes to choose it; the seed fixture's homonyms did
// (a remote-sensing paper among a vision researcher's is flagged, his own are not).
constexpr double kClearTopicLink = 0.15;

std::string link_reasons(const EvidenceSet& set, const Signature& s, const Signature& partner) {
  std::vector<std::string> reasons;
  if (!s.person_id.empty() && s.person_id == partner.person_id)
    reasons.push_back(s.person_id.starts_with("claim:") ? "both kept by the researcher, who reviewed this profile"
                                                        : "the same curated author id");
  if (!s.orcid.empty() && s.orcid == partner.orcid) reasons.push_back("the same ORCID iD");
  if (!s.email.empty() && s.email == partner.email) reasons.push_back("the same email address");
  if (one_cites_the_other(set, s, partner)) reasons.push_back("one cites the other");
  int shared = shared_coauthors(set, s, partner);
  if (shared > 0) reasons.push_back(std::to_string(shared) + " shared co-author" + (shared == 1 ? "" : "s"));
  double cosine = text_similarity(set, s, partner);
  if (cosine >= 0.05) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "topic similarity %.2f", cosine);
    reasons.push_back(buf);
  }
  if (set.works[s.work].venue != 0 && set.works[s.work].venue == set.works[partner.work].venue)
    reasons.push_back("same venue");
  switch (compare_given(s.name, partner.name)) {
    case GivenNameMatch::same: reasons.push_back("same full name"); break;
    case GivenNameMatch::initials: reasons.push_back("name compatible by initials"); break;
    case GivenNameMatch::nickname: reasons.push_back("name variant"); break;
    default: break;
  }
  std::string out;
  for (size_t i = 0; i < reasons.size(); ++i) out += (i ? ", " : " ") + reasons[i];
  return out;
}

// `probability`: the work's best single link (to `partner`); `clear`: whether the work is
// clearly tied to others (a link above the merge threshold the clustering used, or its
// topic); `group`: how many works its clear ties reach, when they do not reach the
// researcher's main body of works (0 when they do).
store::Attribution describe(const EvidenceSet& set, const Signature& s, const Signature& partner, double probability,
                            bool clear, size_t group) {
  const auto& other = set.works[partner.work];
  std::string link = "\"" + other.title + "\"" + (other.year ? " (" + std::to_string(other.year) + ")" : "") + ":" +
                     link_reasons(set, s, partner);
  char buf[64];
  std::snprintf(buf, sizeof buf, " (match probability %.2f)", probability);
  link += buf;
  if (group > 0 && clear)
    return {"Linked to " + link + ", but this group of " + std::to_string(group) +
                " works has no clear link to the rest of the researcher's works; it joined them as a whole.",
            Strength::weak};
  if (certainly_one_person(s, partner)) return {"Linked to " + link, Strength::confirmed};
  if (clear && probability >= kStrongLink) return {"Linked to " + link, Strength::strong};
  if (clear) return {"Linked to " + link, Strength::moderate};
  std::string why = set.works[s.work].author_keys.size() <= 1 ? "It lists no co-authors, and no" : "No";
  return {why +
              " single work of this researcher is a clear match; it joined their works as a group, on topic and name. "
              "Closest: " + link,
          Strength::weak};
}

// The members of `cluster` (as indices into it) to compare its member `m` with: all of
// them in a small cluster; else those sharing a co-author with it, then an even spread
// of the rest. `by_author`: the members whose works list each co-author.
std::vector<size_t> partners_of(const EvidenceSet& set, const std::vector<size_t>& cluster, size_t m,
                                const std::unordered_map<std::uint64_t, std::vector<size_t>>& by_author) {
  std::vector<size_t> out;
  if (cluster.size() <= kPartnersCompared + 1) {
    for (size_t j = 0; j < cluster.size(); ++j)
      if (j != m) out.push_back(j);
    return out;
  }
  const auto& s = set.signatures[cluster[m]];
  for (std::uint64_t key : set.works[s.work].author_keys) {
    if (key == s.own_key) continue;
    auto it = by_author.find(key);
    if (it == by_author.end()) continue;
    for (size_t j : it->second) {
      if (out.size() == kPartnersCompared / 2) break;
      if (j != m && set.signatures[cluster[j]].work != s.work) out.push_back(j);
    }
  }
  size_t step = cluster.size() / (kPartnersCompared - out.size());
  for (size_t j = 0; j < cluster.size() && out.size() < kPartnersCompared; j += step)
    if (j != m) out.push_back(j);
  return out;
}

void explain_cluster(const EvidenceSet& set, const std::vector<size_t>& cluster, const PairModel& model,
                     std::vector<store::Attribution>& out) {
  if (cluster.size() == 1) {
    out[cluster[0]] = {"No other work under this name shares enough evidence (co-authors, topic, venue) to join it.",
                       Strength::alone};
    return;
  }
  // Which members' works list each co-author (large clusters only: small ones compare all).
  std::unordered_map<std::uint64_t, std::vector<size_t>> by_author;
  if (cluster.size() > kPartnersCompared + 1)
    for (size_t i = 0; i < cluster.size(); ++i)
      for (std::uint64_t key : set.works[set.signatures[cluster[i]].work].author_keys)
        if (key != set.signatures[cluster[i]].own_key) by_author[key].push_back(i);
  // Each member's best single link, and the clear links (above the merge threshold)
  // among the pairs compared: works that reach the researcher's main body of works only
  // through the group as a whole are weak, even when they are clearly linked to each
  // other (two papers of a namesake that share a co-author).
  std::vector<size_t> group(cluster.size());
  std::iota(group.begin(), group.end(), 0);
  auto root = [&](size_t i) {
    while (group[i] != i) i = group[i] = group[group[i]];
    return i;
  };
  std::vector<double> best(cluster.size(), -1);
  std::vector<size_t> partner(cluster.size());
  std::vector<char> clear(cluster.size(), 0);
  BlockScorer scorer(set, cluster, model);
  for (size_t i = 0; i < cluster.size(); ++i) {
    const auto& s = set.signatures[cluster[i]];
    partner[i] = cluster[i];
    scorer.focus(i);
    for (size_t j : partners_of(set, cluster, i, by_author)) {
      const auto& o = set.signatures[cluster[j]];
      bool certain = certainly_one_person(s, o);
      double p = certain ? 1.0 : scorer.model_probability(j);
      if (p > best[i]) {
        best[i] = p;
        partner[i] = cluster[j];
      }
      // Two solo works were never put to the model by the clustering (the topic stage
      // joined them): their probability is shown, but their link is clear only when their
      // own words are close.
      bool by_topic = !certain && left_to_topic_stage(set, s, o);
      if (by_topic ? scorer.text_cosine(j) > kClearTopicLink : p > model.threshold) {
        clear[i] = clear[j] = 1;
        group[root(i)] = root(j);
      }
    }
  }
  // The main body: the largest group of clearly linked works (the earliest on a tie).
  std::unordered_map<size_t, size_t> size_of;
  for (size_t i = 0; i < cluster.size(); ++i) ++size_of[root(i)];
  size_t main = root(0);
  for (size_t i = 0; i < cluster.size(); ++i)
    if (size_of[root(i)] > size_of[main]) main = root(i);
  for (size_t i = 0; i < cluster.size(); ++i) {
    size_t apart = root(i) == main ? 0 : size_of[root(i)];
    out[cluster[i]] = describe(set, set.signatures[cluster[i]], set.signatures[partner[i]], best[i], clear[i], apart);
  }
}

}  // namespace

std::vector<store::Attribution> explain_attributions(const EvidenceSet& set,
                                                     const std::vector<std::vector<size_t>>& clusters,
                                                     const PairModel& model) {
  std::vector<store::Attribution> out(set.signatures.size());
  // Clusters are independent: explain them on every core.
  parallel_for(clusters.size(), [&](size_t c) { explain_cluster(set, clusters[c], model, out); });
  return out;
}

}  // namespace bzpeer::identity

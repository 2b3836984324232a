#include <gtest/gtest.h>

#include "identity/attribution.hpp"
#include "identity/block_clustering.hpp"
#include "identity_test_support.hpp"

namespace bzpeer::identity {
namespace {

using testing::first_author_evidence;
using testing::simple_model;
using testing::work;

// The attribution of the signature on the work titled `title`.
const store::Attribution& of(const EvidenceSet& set, const std::vector<store::Attribution>& attributions,
                             const std::string& title) {
  for (size_t i = 0; i < set.signatures.size(); ++i)
    if (set.works[set.signatures[i].work].title == title) return attributions[i];
  throw std::runtime_error("no work titled " + title);
}

TEST(Attribution, NamesTheEvidenceAndHowFirmItIs) {
  auto set = first_author_evidence({work("Graph parsing methods", {"Wei Wang", "Ann Lee"}),
                                    work("Graph parsing methods revisited", {"Wei Wang", "Ann Lee"}),
                                    work("Curated one", {"Kai Han"}, "acl:kai-han"),
                                    work("Curated two", {"Kai Han"}, "acl:kai-han"),
                                    work("Protein folding", {"Bo Chen", "Cy Dunn"})});
  auto model = simple_model();
  auto clusters = cluster_all(set, model);
  auto attributions = explain_attributions(set, clusters, model);
  ASSERT_EQ(attributions.size(), set.signatures.size());

  const auto& coauthored = of(set, attributions, "Graph parsing methods");
  EXPECT_EQ(coauthored.strength, model::AttributionStrength::strong);
  EXPECT_NE(coauthored.explanation.find("1 shared co-author"), std::string::npos) << coauthored.explanation;
  EXPECT_NE(coauthored.explanation.find("Graph parsing methods revisited"), std::string::npos);

  const auto& curated = of(set, attributions, "Curated one");
  EXPECT_EQ(curated.strength, model::AttributionStrength::confirmed);
  EXPECT_NE(curated.explanation.find("the same curated author id"), std::string::npos) << curated.explanation;

  EXPECT_EQ(of(set, attributions, "Protein folding").strength, model::AttributionStrength::alone);
}

// A work that no single other work of its researcher clearly matches (it joined the
// group as a whole, as papers listing no co-authors do on topic) is flagged weak, so its
// owner knows which to check; the closest work is still named.
TEST(Attribution, WorksWithoutAClearLinkAreWeak) {
  auto set = first_author_evidence({work("Masked image modeling at scale", {"Han Hu"}),
                                    work("Masked image modeling at scale, revisited", {"Han Hu"}),
                                    work("Landslide recognition from remote sensing imagery", {"Han Hu"}),
                                    work("Energy efficient offloading", {"Han Hu", "Bo Chen"})});
  auto model = simple_model();
  std::vector<std::vector<size_t>> one_cluster = {{0, 1, 2, 3}};
  auto attributions = explain_attributions(set, one_cluster, model);
  const auto& close = of(set, attributions, "Masked image modeling at scale");
  EXPECT_NE(close.strength, model::AttributionStrength::weak) << close.explanation;
  const auto& solo_work = of(set, attributions, "Landslide recognition from remote sensing imagery");
  EXPECT_EQ(solo_work.strength, model::AttributionStrength::weak);
  EXPECT_NE(solo_work.explanation.find("It lists no co-authors"), std::string::npos) << solo_work.explanation;
  EXPECT_NE(solo_work.explanation.find("Closest: \""), std::string::npos) << solo_work.explanation;
  const auto& coauthored = of(set, attributions, "Energy efficient offloading");
  EXPECT_EQ(coauthored.strength, model::AttributionStrength::weak);
  EXPECT_EQ(coauthored.explanation.rfind("No single work", 0), 0u) << coauthored.explanation;
}

// Two works of a namesake that share a co-author are clearly linked to each other, but
// not to the researcher's main body of works: both are weak, and the explanation says why.
TEST(Attribution, AGroupApartFromTheMainBodyIsWeak) {
  auto set = first_author_evidence({work("Dialogue state tracking", {"Steve Young", "Ann Lee"}),
                                    work("Dialogue policy learning", {"Steve Young", "Ann Lee"}),
                                    work("Spoken dialogue systems", {"Steve Young", "Ann Lee"}),
                                    work("Financial report structure", {"Steve Young", "Bo Chen"}),
                                    work("Tone in financial text", {"Steve Young", "Bo Chen"})});
  std::vector<std::vector<size_t>> one_cluster = {{0, 1, 2, 3, 4}};
  auto attributions = explain_attributions(set, one_cluster, simple_model());
  EXPECT_EQ(of(set, attributions, "Dialogue policy learning").strength, model::AttributionStrength::strong);
  for (const char* title : {"Financial report structure", "Tone in financial text"}) {
    const auto& a = of(set, attributions, title);
    EXPECT_EQ(a.strength, model::AttributionStrength::weak) << title;
    EXPECT_NE(a.explanation.find("this group of 2 works has no clear link to the rest"), std::string::npos)
        << a.explanation;
  }
}

// In a large cluster, a co-author link is found even when it is not among the first
// members compared.
TEST(Attribution, LargeClustersStillFindTheCoauthorLink) {
  std::vector<RawWork> works;
  for (int i = 0; i < 60; ++i)
    works.push_back(work("Curated paper number " + std::to_string(i), {"Kai Han", "Person" + std::to_string(i) + " Zed"},
                         "acl:kai-han"));
  works.push_back(work("Late paper with a friend", {"Kai Han", "Ann Lee"}));
  works.push_back(work("Another paper with that friend", {"Kai Han", "Ann Lee"}));
  auto set = first_author_evidence(works);
  std::vector<std::vector<size_t>> one_cluster(1);
  for (size_t i = 0; i < set.signatures.size(); ++i) one_cluster[0].push_back(i);
  auto attributions = explain_attributions(set, one_cluster, simple_model());
  const auto& late = of(set, attributions, "Late paper with a friend");
  EXPECT_NE(late.explanation.find("Another paper with that friend"), std::string::npos) << late.explanation;
  EXPECT_NE(late.explanation.find("1 shared co-author"), std::string::npos) << late.explanation;
}

}  // namespace
}  // namespace bzpeer::identity

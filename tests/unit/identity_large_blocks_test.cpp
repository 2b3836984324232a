// The parts that keep large blocks fast must not change what they compute: the block
// scorer against pair_probability, and the topic stage's salient-term pairs against
// comparing every pair.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "identity/block_clustering.hpp"
#include "identity/block_scorer.hpp"
#include "identity/default_model.hpp"
#include "identity/linkage_rules.hpp"
#include "identity/topic_merge.hpp"
#include "identity_test_support.hpp"

namespace bzpeer::identity {
namespace {

using testing::work;

// A block of "Wang" signatures in several name forms, with and without co-authors,
// text, ORCID iDs and a citation, on two subjects.
EvidenceSet mixed_block() {
  const std::vector<std::string> names = {"Wei Wang", "W. Wang", "Wei M. Wang", "Wen Wang", "W Wang"};
  const std::vector<std::string> subjects = {"graph parsing with neural networks", "protein folding dynamics"};
  std::vector<RawWork> works;
  for (int i = 0; i < 40; ++i) {
    std::vector<std::string> authors = {names[i % names.size()]};
    if (i % 3) authors.push_back(i % 2 ? "Ann Lee" : "Bo Chen");
    auto w = work(subjects[i % 2] + " part " + std::to_string(i % 7), authors);
    if (i % 4 == 0) w.title.clear();  // no text at all
    if (i % 9 == 0) w.authors[0].orcid = "0000-0002-0000-000" + std::to_string(i % 2);
    w.external_id = "test:" + std::to_string(i);
    if (i % 5 == 1) w.cited = {"test:" + std::to_string(i - 1)};
    works.push_back(std::move(w));
  }
  EvidenceBuilder b;
  for (const auto& w : works) b.count_text(w.title, "");
  for (const auto& w : works) b.add_work(w, {0});
  return b.take();
}

TEST(BlockScorer, GivesPairProbabilityForEveryPair) {
  auto set = mixed_block();
  auto model = default_model();
  ASSERT_TRUE(model) << model.error().message;
  std::vector<size_t> members(set.signatures.size());
  for (size_t i = 0; i < members.size(); ++i) members[i] = i;
  BlockScorer scorer(set, members, *model);
  size_t compared = 0, between = 0;
  for (size_t a = 0; a < members.size(); ++a) {
    scorer.focus(a);
    for (size_t b = 0; b < members.size(); ++b) {
      if (a == b) continue;
      double expected = pair_probability(set, set.signatures[a], set.signatures[b], *model);
      ASSERT_DOUBLE_EQ(scorer.probability(b), expected) << "signatures " << a << " and " << b;
      ++compared;
      if (expected > 0.01 && expected < 0.99) ++between;
    }
  }
  EXPECT_EQ(compared, 40u * 39u);
  EXPECT_GT(between, 100u) << "the block should hold pairs the model is unsure of";
}

// Solo works by "Han Hu" on three subjects, each subject's works sharing their words.
EvidenceSet solo_block() {
  const std::vector<std::string> subjects = {"masked image modeling vision transformers pretraining",
                                             "wireless offloading edge computing energy",
                                             "landslide susceptibility mapping rainfall"};
  std::vector<RawWork> works;
  for (int i = 0; i < 60; ++i) {
    const auto& words = subjects[i % 3];
    works.push_back(work(words + " study " + std::to_string(i), {i % 10 == 0 ? "H. Hu" : "Han Hu"}));
  }
  // Two people by their ids: never one cluster, whatever their words.
  works[3].authors[0].orcid = "0000-0001-0000-0001";
  works[6].authors[0].orcid = "0000-0001-0000-0002";
  return testing::first_author_evidence(works);
}

std::vector<std::vector<size_t>> sorted(std::vector<std::vector<size_t>> clusters) {
  for (auto& c : clusters) std::sort(c.begin(), c.end());
  std::sort(clusters.begin(), clusters.end());
  return clusters;
}

TEST(TopicMerge, SalientTermPairsMergeAsEveryPairDoes) {
  auto set = solo_block();
  std::vector<std::vector<size_t>> singletons;
  for (size_t s = 0; s < set.signatures.size(); ++s) singletons.push_back({s});
  TopicMergeLimits every_pair;
  TopicMergeLimits salient = every_pair;
  salient.all_pairs_up_to = 0;  // always the large-block path
  auto a = sorted(merge_text_only_clusters(set, singletons, every_pair));
  auto b = sorted(merge_text_only_clusters(set, singletons, salient));
  EXPECT_EQ(a, b);
  // Three subjects, and the subject with two ORCID iDs split between them.
  EXPECT_EQ(a.size(), 4u);
  for (const auto& cluster : a) {
    bool has3 = std::count(cluster.begin(), cluster.end(), 3u) > 0;
    bool has6 = std::count(cluster.begin(), cluster.end(), 6u) > 0;
    EXPECT_FALSE(has3 && has6) << "two ORCID iDs in one cluster";
    for (size_t s : cluster) EXPECT_EQ(s % 3, cluster[0] % 3) << "subjects mixed";
  }
}

}  // namespace
}  // namespace bzpeer::identity

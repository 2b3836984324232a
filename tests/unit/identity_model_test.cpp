// The pairwise model: missing evidence stays missing, XGBoost's trees are walked here as
// XGBoost itself predicts them, training is deterministic, and a feature too few pairs
// show is not used.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "identity/boosted_trees.hpp"
#include "identity/pair_features.hpp"
#include "identity/pair_model.hpp"
#include "identity_test_support.hpp"

namespace bzpeer::identity {
namespace {

using testing::first_author_evidence;
using testing::work;

TEST(PairFeatures, EvidenceAWorkDoesNotCarryIsMissingNotZero) {
  RawWork bare = work("Parsing with graphs", {"Wei Wang"});
  bare.year = 0;
  RawWork full = work("Graph parsing", {"Wei Wang", "Ann Lee"});
  full.venue = "Proceedings of ACL";
  full.authors[0].affiliation = "Peking University";
  RawWork other = work("Graph parsing again", {"Wei Wang", "Bo Chen"});
  other.venue = "ACL";
  other.authors[0].affiliation = "Peking University, Beijing";
  auto set = first_author_evidence({bare, full, other});
  NameCounts counts;
  auto without = pair_features(set, set.signatures[0], set.signatures[1], counts);
  for (size_t f : {kSharedCoauthorsLog, kCoauthorJaccard, kVenueSimilarity, kAffiliationJaccard, kYearGap, kCategoryJaccard})
    EXPECT_TRUE(missing(without[f])) << feature_names()[f] << " = " << without[f];
  EXPECT_FALSE(missing(without[kTextCosine]));
  auto with = pair_features(set, set.signatures[1], set.signatures[2], counts);
  EXPECT_EQ(with[kSharedCoauthorsLog], 0) << "both list co-authors, none shared: evidence, not missing";
  EXPECT_EQ(with[kCoauthorJaccard], 0);
  EXPECT_EQ(with[kVenueSimilarity], 1) << "'Proceedings of ACL' and 'ACL' are one venue";
  EXPECT_GT(with[kAffiliationJaccard], 0.4);
  EXPECT_EQ(with[kYearGap], 0);
}

TEST(PairFeatures, StemmedAndUnstemmedTitlesMeet) {
  // UFMG ships titles stemmed with stop words removed; other sources as written.
  auto set = first_author_evidence({work("Learning networks for parsing", {"Wei Wang"}),
                                    work("learn network pars", {"Wei Wang"}), work("Protein folding", {"Wei Wang"})});
  EXPECT_GT(text_similarity(set, set.signatures[0], set.signatures[1]), 0.4);
  EXPECT_EQ(text_similarity(set, set.signatures[0], set.signatures[2]), 0);
}

// Pairs where shared co-authors decide, with a missing value in a third of them.
std::vector<TrainingPair> synthetic_pairs(size_t n) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<TrainingPair> pairs;
  for (size_t i = 0; i < n; ++i) {
    TrainingPair p;
    p.features.fill(kMissing);
    p.features[kBias] = 1;
    p.same = i % 2 == 0;
    p.features[kGivenSame] = 1;
    if (i % 3 != 0) p.features[kSharedCoauthorsLog] = p.same ? std::log1p(1 + i % 3) * unit(rng) + 0.3 : 0.2 * unit(rng);
    p.features[kTextCosine] = (p.same ? 0.3 : 0.0) + 0.5 * unit(rng);
    pairs.push_back(p);
  }
  return pairs;
}

TEST(BoostedTrees, TheWalkHereEqualsXGBoostsOwnPrediction) {
  auto pairs = synthetic_pairs(600);
  auto model = fit_tree_model(pairs, {});
  ASSERT_TRUE(model) << model.error().message;
  ASSERT_FALSE(model->trees.empty());
  std::vector<Features> rows;
  for (size_t i = 0; i < 50; ++i) rows.push_back(pairs[i].features);
  rows.back()[kTextCosine] = kMissing;  // a row with every evidence feature missing
  rows.back()[kSharedCoauthorsLog] = kMissing;
  auto expected = xgboost_predict(model->booster, rows);
  ASSERT_TRUE(expected) << expected.error().message;
  ASSERT_EQ(expected->size(), rows.size());
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_NEAR(model->probability(rows[i]), (*expected)[i], 1e-5) << "row " << i;
  // It learned something: shared co-authors raise the probability.
  Features none = rows[0], many = rows[0];
  none[kSharedCoauthorsLog] = 0;
  many[kSharedCoauthorsLog] = 1.5;
  EXPECT_GT(model->probability(many), model->probability(none) + 0.2);
}

TEST(BoostedTrees, TrainingIsDeterministicAndTheModelFileRoundTrips) {
  auto pairs = synthetic_pairs(400);
  auto a = fit_tree_model(pairs, {});
  auto b = fit_tree_model(pairs, {});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->to_json(), b->to_json());
  auto reloaded = PairModel::from_json(a->to_json());
  ASSERT_TRUE(reloaded) << reloaded.error().message;
  EXPECT_EQ(reloaded->learner, Learner::boosted_trees);
  for (size_t i = 0; i < 20; ++i) EXPECT_DOUBLE_EQ(reloaded->probability(pairs[i].features), a->probability(pairs[i].features));
}

TEST(BoostedTrees, AFeatureTooFewPairsShowIsNotUsed) {
  auto pairs = synthetic_pairs(400);
  // Three different-people pairs share an affiliation: a toy sample, not a law.
  for (size_t i : {1, 3, 5}) pairs[i].features[kAffiliationJaccard] = 1.0;
  auto model = fit_tree_model(pairs, {});
  ASSERT_TRUE(model);
  EXPECT_NE(std::find(model->unsupported.begin(), model->unsupported.end(), "affiliation_jaccard"), model->unsupported.end());
  Features f = pairs[0].features;
  double before = model->probability(f);
  f[kAffiliationJaccard] = 1.0;
  EXPECT_DOUBLE_EQ(model->probability(f), before);
}

TEST(BoostedTrees, AMalformedBoosterIsRefusedWithAReason) {
  auto model = fit_tree_model(synthetic_pairs(200), {});
  ASSERT_TRUE(model);
  auto broken = model->booster;
  broken["learner"]["gradient_booster"]["model"]["trees"][0]["left_children"][0] = 0;  // a loop back to the root
  auto refused = TreeEnsemble::from_xgboost_json(broken);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("child"), std::string::npos);
}

}  // namespace
}  // namespace bzpeer::identity

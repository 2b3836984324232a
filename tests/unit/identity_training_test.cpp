// The pairwise model's training data: reference name counts, the ACL name-variant
// people, and confirmed records in evaluation.
#include <gtest/gtest.h>

#include <set>

#include "identity/eval/evaluate.hpp"
#include "identity/eval/labelled_data.hpp"
#include "identity/name_counts.hpp"
#include "identity/pair_features.hpp"
#include "test_support.hpp"

namespace bzpeer::identity {
namespace {

model::Work work_by(std::vector<std::pair<std::string, std::string>> authors) {
  model::Work w;
  for (const auto& [first, last] : authors) {
    model::Authorship a;
    a.first = first;
    a.last = last;
    a.raw_name = first.empty() ? last : first + " " + last;
    w.authors.push_back(a);
  }
  return w;
}

TEST(NameCounts, CountEachPersonOnceAndSkipInitials) {
  std::vector<model::Work> works = {
      work_by({{"Wei", "Wang"}, {"Li", "Wang"}, {"Anjali", "Agarwal"}}),
      work_by({{"Wei", "Wang"}, {"Wei", "Zhang"}, {"H.", "Wang"}}),  // Wei Wang again: the same person
      work_by({{"Wei", "Wang"}, {"Amit", "Agarwal"}}),
  };
  NameCounts counts = count_names(works, 1);
  EXPECT_EQ(counts.family_count("wang"), 2u) << "Wei Wang and Li Wang; H. Wang is left out";
  EXPECT_EQ(counts.given_count("wei"), 2u) << "Wei Wang and Wei Zhang";
  EXPECT_EQ(counts.family_count("agarwal"), 2u);
  EXPECT_EQ(counts.given_count("h"), 0u);
  EXPECT_EQ(count_names(works, 2).family_count("zhang"), 0u) << "names seen once are dropped";
}

TEST(PairFeatures, ACommonFullNameWeighsLessThanARareOne) {
  NameCounts counts;
  counts.given = {{"wei", 400}, {"anjali", 2}};
  counts.family = {{"wang", 500}, {"agarwal", 20}};
  EvidenceBuilder builder;
  RawWork w;
  w.title = "a title";
  w.authors = {{"Wei", "Wang", "", "", "", "", ""}};
  builder.add_work(w);
  builder.add_work(w);
  w.authors = {{"Anjali", "Agarwal", "", "", "", "", ""}};
  builder.add_work(w);
  builder.add_work(w);
  w.authors = {{"W.", "Wang", "", "", "", "", ""}};
  builder.add_work(w);
  auto set = builder.take();
  auto common = pair_features(set, set.signatures[0], set.signatures[1], counts);
  auto rare = pair_features(set, set.signatures[2], set.signatures[3], counts);
  auto initial = pair_features(set, set.signatures[0], set.signatures[4], counts);
  EXPECT_GT(common[kFamilyNameCommonness], rare[kFamilyNameCommonness]);
  EXPECT_GT(common[kGivenNameCommonness], rare[kGivenNameCommonness]);
  EXPECT_TRUE(missing(initial[kFamilyNameCommonness])) << "an initial does not spell out a shared full name";
  EXPECT_STREQ(feature_names()[kFamilyNameCommonness], "family_name_commonness");
}

// Two people the editors mapped to one canonical name each, one of them with an id.
const char* kVariants = R"(- canonical: {first: Steven, last: Abney}
  variants:
  - {first: Steve, last: Abney}
  - {first: Steven P., last: Abney}
- canonical: {first: Jose, last: Abreu}
  id: jose-abreu
  variants:
  - {first: J., last: Abreu}
)";

std::string paper(int id, const std::string& first, const std::string& last, const std::string& title) {
  return "<paper id=\"" + std::to_string(id) + "\"><title>" + title + "</title><author><first>" + first +
         "</first><last>" + last + "</last></author><author><first>Ann</first><last>Other</last></author></paper>";
}

TEST(LabelledData, NameVariantPeopleAreLabelledByTheirCanonicalName) {
  testing::TempDir dir;
  dir.file("name_variants.yaml", kVariants);
  dir.file("xml/P18.xml", "<?xml version='1.0' encoding='UTF-8'?><collection id=\"P18\"><volume id=\"1\"><meta>"
                          "<booktitle>B</booktitle><year>2018</year></meta>" +
                              paper(1, "Steven", "Abney", "Parsing by chunks") +
                              paper(2, "Steve", "Abney", "Partial parsing") +
                              paper(3, "Steven P.", "Abney", "Understanding the Yarowsky algorithm") +
                              paper(4, "Jose", "Abreu", "One of two") + paper(5, "J.", "Abreu", "Another") +
                              "</volume></collection>");
  auto set = load_acl_name_variant_people(*read_acl_anthology(dir.path().string()), 10);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_TRUE(set->name_forms_only);
  EXPECT_EQ(set->labels, (std::vector<std::string>(3, "variant:Steven Abney")))
      << "the person with an editor's id is left to the ids";

  // Only pairs of different forms train: "Steven" / "Steve" and "Steven" / "Steven P.".
  auto pairs = training_pairs(*set, group_by_block(set->evidence), NameCounts{});
  EXPECT_EQ(pairs.size(), 3u);
  for (const auto& p : pairs) EXPECT_TRUE(p.same);

  dir.file("name_variants.yaml", "- canonical: {first: [unclosed");
  auto broken = load_acl_name_variant_people(*read_acl_anthology(dir.path().string()), 10);
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("name_variants.yaml"), std::string::npos);

  dir.file("name_variants.yaml", "- canonical: {first: Ann, last: Lee}\n  variants:\n  - {first: [A, B], last: Lee}\n");
  auto misshapen = load_acl_name_variant_people(*read_acl_anthology(dir.path().string()), 10);
  ASSERT_FALSE(misshapen.ok());
  EXPECT_NE(misshapen.error().message.find("name_variants.yaml:3"), std::string::npos) << misshapen.error().message;
}

TEST(LabelledData, KnownRecordsConstrainButAreNotScored) {
  testing::TempDir dir;
  auto known = dir.file("x_train_f0.txt",
                        "1;1;amit agarwal;e hazan;online convex optimization;colt;2006\n"
                        "2;2;amit agarwal;m lim;uav rerouting;gecco;2004\n");
  auto test = dir.file("x_test_f0.txt",
                       "3;1;amit agarwal;e hazan;logarithmic regret;colt;2006\n"
                       "4;2;amit agarwal;m lim;airbase routing;gecco;2004\n");
  auto set = load_ufmg(test, known);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->known, 2u);
  ASSERT_EQ(set->evidence.signatures.size(), 4u);
  EXPECT_EQ(set->evidence.signatures[0].person_id, "known:x:1");
  EXPECT_EQ(set->evidence.signatures[1].person_id, "known:x:2");
  EXPECT_TRUE(set->evidence.signatures[2].person_id.empty()) << "the scored fold's labels are not evidence";

  // A model that merges every same-name pair: the known records still keep the two apart,
  // and each test citation joins the one it shares a co-author with.
  PairModel merge_all;
  merge_all.weights[kBias] = -2;
  merge_all.weights[kGivenSame] = 3;
  merge_all.weights[kSharedCoauthorsLog] = 3;
  merge_all.threshold = 0.5;
  auto result = evaluate(*set, merge_all);
  EXPECT_EQ(result.signatures, 2u);
  EXPECT_DOUBLE_EQ(result.scores.b3_f1, 1.0);
  EXPECT_EQ(result.predicted[0], result.predicted[2]);
  EXPECT_EQ(result.predicted[1], result.predicted[3]);
  EXPECT_NE(result.predicted[0], result.predicted[1]);
}

}  // namespace
}  // namespace bzpeer::identity

namespace bzpeer::identity {
namespace {

// A feature seen in a handful of labelled pairs keeps weight 0, however neatly those few
// pairs separate; a feature seen in many is learned.
TEST(PairModelFit, FeaturesWithTooFewLabelledPairsStayAtZero) {
  const size_t shared = kSharedCoauthorsLog, affiliation = kAffiliationJaccard;
  std::vector<TrainingPair> pairs;
  for (int i = 0; i < 400; ++i) {
    TrainingPair p{};
    p.features[0] = 1;
    p.same = i % 2 == 0;
    // Co-authors: shared in most same-person pairs and in a few different-people ones.
    p.features[shared] = (p.same ? i % 10 != 0 : i % 10 == 1) ? 1.0 : 0.0;
    pairs.push_back(p);
  }
  // Three pairs, all different people, all with one affiliation: "evidence" against.
  for (int i = 0; i < 3; ++i) pairs[1 + 2 * static_cast<size_t>(i)].features[affiliation] = 1.0;
  auto model = fit_pair_model(pairs, {});
  EXPECT_GT(model.weights[shared], 1.0);
  EXPECT_EQ(model.weights[affiliation], 0.0);
  EXPECT_NE(std::find(model.unsupported.begin(), model.unsupported.end(), "affiliation_jaccard"), model.unsupported.end());
  EXPECT_EQ(std::find(model.unsupported.begin(), model.unsupported.end(), "shared_coauthors_log"), model.unsupported.end());
  // The list travels with the model file.
  auto reloaded = PairModel::from_json(model.to_json());
  ASSERT_TRUE(reloaded);
  EXPECT_EQ(reloaded->unsupported, model.unsupported);
}

}  // namespace
}  // namespace bzpeer::identity

// The feed's parts: text features, the reader's scorer, and the ranking's reasons.
#include <gtest/gtest.h>

#include <cmath>

#include "feed/affiliation_tag.hpp"
#include "feed/linear_svm.hpp"
#include "feed/ranking.hpp"
#include "feed/term_vector.hpp"
#include "test_support.hpp"

namespace bzpeer::feed {
namespace {

using bzpeer::testing::R;

struct Texts {
  std::vector<TermCounts> counts;
  DocumentFrequencies df;
  std::vector<TermVector> vectors;
  explicit Texts(const std::vector<std::pair<std::string, std::string>>& docs) {
    for (const auto& [t, a] : docs) {
      counts.push_back(count_terms(t, a));
      df.add(counts.back());
    }
    for (const auto& c : counts) vectors.push_back(tfidf(c, df, {1, 1.0}));
  }
};

TEST(TermVector, StemsAndPairsAreTermsAndVectorsHaveUnitLength) {
  auto texts = term_texts("Vision Transformers", "");
  EXPECT_EQ(texts, (std::vector<std::string>{"vision", "vision transform", "transform"}));
  Texts t({{"Vision transformers for detection", "We detect objects."}, {"Parsing with grammars", "Parsers."}});
  double norm = 0;
  for (float w : t.vectors[0].weights) norm += w * w;
  EXPECT_NEAR(norm, 1.0, 1e-5);
  EXPECT_NEAR(dot(t.vectors[0], t.vectors[0]), 1.0, 1e-5);
  EXPECT_EQ(dot(t.vectors[0], t.vectors[1]), 0.0);
}

TEST(TermVector, RareAndUbiquitousTermsAreLeftOut) {
  DocumentFrequencies df;
  TermCounts common = count_terms("model", ""), rare = count_terms("zebra", "");
  for (int i = 0; i < 10; ++i) df.add(common);
  df.add(rare);
  EXPECT_TRUE(tfidf(common, df, {2, 0.5}).empty());  // in every document
  EXPECT_TRUE(tfidf(rare, df, {2, 0.5}).empty());    // in one
  EXPECT_FALSE(tfidf(common, df, {2, 1.0}).empty());
}

TEST(TermVector, StoredCountsReadBackAsCountedAndDamagedBytesAreRefused) {
  TermCounts counts = count_terms("Masked autoencoders are scalable vision learners",
                                  "We show that masked autoencoders (MAE) are scalable self-supervised learners.");
  ASSERT_GT(counts.counts.size(), 10u);
  auto back = decode_terms(encode_terms(counts));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->counts, counts.counts);
  EXPECT_TRUE(decode_terms("")->counts.empty());
  std::string bytes = encode_terms(counts);
  EXPECT_FALSE(decode_terms(bytes.substr(0, bytes.size() - 1) + "\x80"));  // a varint cut off
  EXPECT_FALSE(decode_terms(std::string("\x05\x00", 2)));                   // a zero count
  EXPECT_FALSE(decode_terms(std::string("\x05\x01\x00\x01", 4)));          // the same id twice
  EXPECT_FALSE(decode_terms("\xff\xff\xff\x7f\x01"));                       // an id past the hashed space
}

TEST(LinearSvm, LearnsWhatTheReaderWantsAndSaysWhichTermsWeighed) {
  Texts t({{"Masked image modeling for vision transformers", "Self-supervised vision pretraining."},
           {"Vision transformers with shifted windows", "A hierarchical vision backbone."},
           {"Dependency parsing with neural networks", "A fast parser for treebanks."},
           {"Machine translation of low resource languages", "Translation with back-translation."},
           {"Efficient vision transformers for detection", "Object detection with transformers."},
           {"Semantic parsing of questions", "A parser for database queries."}});
  std::vector<const TermVector*> pos = {&t.vectors[0], &t.vectors[1]}, neg = {&t.vectors[2], &t.vectors[3]};
  LinearScorer scorer = fit_linear_svm(pos, neg);
  ASSERT_FALSE(scorer.empty());
  EXPECT_GT(scorer.score(t.vectors[4]), scorer.score(t.vectors[5]));
  auto top = scorer.top_terms(t.vectors[4], 3);
  ASSERT_FALSE(top.empty());
  EXPECT_TRUE(top[0].first == term_id("vision") || top[0].first == term_id("transform") ||
              top[0].first == term_id("vision transform"));
}

TEST(LinearSvm, NothingToLearnFromOneSide) {
  Texts t({{"Vision", ""}, {"Parsing", ""}});
  std::vector<const TermVector*> pos = {&t.vectors[0]}, none;
  EXPECT_TRUE(fit_linear_svm(pos, none).empty());
}

TEST(Ranking, FollowedAuthorsAndCoauthorsAddToTheScoreAndSayWhy) {
  ReaderSignals reader;
  reader.followed = {R(7)};
  reader.coauthors[R(9)] = {2, 1234};
  reader.self = {R(5)};
  RankWeights w;
  CandidateWork plain{1, 0, {R(3)}, {}, {}, nullptr}, by_followed{2, 0, {R(7)}, {}, {}, nullptr},
      by_coauthor{3, 0, {R(9), R(5)}, {}, {}, nullptr}, in_topic{4, 0, {}, {}, {"masked image modeling"}, nullptr};
  ScoredWork a = score_work(plain, reader, w, 0), b = score_work(by_followed, reader, w, 0),
             c = score_work(by_coauthor, reader, w, 0);
  EXPECT_TRUE(a.reasons.empty());
  EXPECT_GT(b.score, a.score);
  ASSERT_EQ(b.reasons.size(), 1u);
  EXPECT_EQ(b.reasons[0].kind, Reason::Kind::followed);
  EXPECT_EQ(b.reasons[0].researcher, R(7));
  ASSERT_EQ(c.reasons.size(), 1u);  // the reader's own record on it is no reason
  EXPECT_EQ(c.reasons[0].kind, Reason::Kind::coauthor);
  EXPECT_EQ(c.reasons[0].work, 1234);
  ScoredWork d = score_work(in_topic, reader, w, 0);
  ASSERT_EQ(d.reasons.size(), 1u);
  EXPECT_EQ(reason_text(d.reasons[0]), "in your topic masked image modeling");
  EXPECT_GT(d.score, a.score);
  RankWeights content_only = w;
  content_only.social = false;
  EXPECT_EQ(score_work(by_followed, reader, content_only, 0).score, 0.0);
}

TEST(Ranking, NewerWorksRankAboveOlderOnesOtherwiseEqual) {
  ReaderSignals reader;
  int today = day_of_date("2022-06-01");
  CandidateWork fresh{1, day_of_date("2022-05-25"), {}, {}, {}, nullptr}, old{2, day_of_date("2021-05-25"), {}, {}, {}, nullptr};
  EXPECT_GT(score_work(fresh, reader, {}, today).score, score_work(old, reader, {}, today).score);
}

TEST(Ranking, DatesAndDisplayedScores) {
  EXPECT_EQ(day_of_date("1970-01-02"), 1);
  EXPECT_EQ(day_of_date("2022-05"), day_of_date("2022-05-15"));
  EXPECT_EQ(day_of_date("2022"), day_of_date("2022-07-01"));
  EXPECT_EQ(day_of_date("n.d."), 0);
  EXPECT_EQ(display_score(-3), 0.0);
  EXPECT_DOUBLE_EQ(display_score(1.234), 22.3);
}

TEST(AffiliationTag, TheWordThatNamesThePlace) {
  EXPECT_EQ(affiliation_tag("Stanford University"), "stanford");
  EXPECT_EQ(affiliation_tag("University of Washington, Seattle, WA"), "washington");
  EXPECT_EQ(affiliation_tag("Microsoft Research Asia"), "microsoft");
  EXPECT_EQ(affiliation_tag("Institut für Informatik, Universität Zürich"), "zurich");
  EXPECT_EQ(affiliation_tag("Department of Computer Science"), "department");
  EXPECT_EQ(affiliation_tag("Université de Montréal"), "montreal");
  EXPECT_EQ(affiliation_tag(""), "");
}

}  // namespace
}  // namespace bzpeer::feed

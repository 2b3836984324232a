#include <gtest/gtest.h>

#include <algorithm>

#include "enrich/phrases.hpp"
#include "enrich/topic_miner.hpp"

namespace bzpeer::enrich {
namespace {

bool has(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(Phrases, RunsOfContentWordsWithinAClause) {
  auto p = candidate_phrase_texts("Masked image modeling for vision transformers, with extensive experiments.");
  EXPECT_TRUE(has(p, "masked image modeling"));
  EXPECT_TRUE(has(p, "masked image"));
  EXPECT_TRUE(has(p, "vision transformers"));
  EXPECT_FALSE(has(p, "modeling vision"));           // "for" breaks the run
  EXPECT_FALSE(has(p, "transformers extensive"));   // the comma ends the clause
  EXPECT_FALSE(has(p, "extensive experiments"));    // boilerplate
}

TEST(TopicMiner, KeepsPhrasesThatRecurAcrossWorks) {
  TopicMiner miner;
  const std::vector<std::pair<std::string, std::string>> corpus = {
      {"Neural machine translation", "Attention for neural machine translation."},
      {"Low-resource neural machine translation", ""},
      {"Dependency parsing", "A fast dependency parser."},
      {"Graph-based dependency parsing", "Parsing with graphs."},
      {"Something else entirely", "Unique phrase here."},
  };
  for (const auto& [t, a] : corpus) miner.observe(t, a);
  miner.finish_counting();
  std::vector<std::string> labels;
  for (const auto& [t, a] : corpus)
    for (TopicId id : miner.topics_of(t, a)) labels.push_back(miner.label(id));
  EXPECT_TRUE(has(labels, "neural machine translation"));
  EXPECT_TRUE(has(labels, "dependency parsing"));
  EXPECT_FALSE(has(labels, "unique phrase"));
}

TEST(TopicMiner, FieldLabels) {
  EXPECT_EQ(field_label("cs.CV"), "Computer Vision");
  EXPECT_EQ(field_label("unknown.XX"), "unknown.XX");
  EXPECT_EQ(field_label("Computer_Science"), "Computer Science");
}

}  // namespace
}  // namespace bzpeer::enrich

// Labelled sets read for evaluation: the Han/Giles DBLP name sets and OpenAlex's
// ORCID-labelled authorships.
#include <gtest/gtest.h>

#include "identity/eval/labelled_data.hpp"
#include "test_support.hpp"

namespace bzpeer::identity {
namespace {

using testing::TempDir;

TEST(HanNameSets, ReadsCitationsWithTheAmbiguousAuthorAsTheSignature) {
  TempDir dir;
  // Latin-1 bytes (0xF6 is ö), an HTML entity, the author repeated in the printed form,
  // the ambiguous author listed second, and a blank line.
  std::string latin1 = "2_1 J Smith; Ola M\xF6ller ; Bo Chen<>Graph parsing <>ACL\n";
  auto file = dir.file("JSmith.txt", "1_1 J Smith;N Krasnogor;J E Smith<>Memetic algorithms <>GECCO\n" + latin1 +
                                          "\n1_2 N Krasnogor;J Smith<>Memetic search <>GECCO Genetic and Evolutionary\n"
                                          "2_2 J Smith; Johnny &Ouml;berg<>Parsing again <>ACL\n");
  auto set = load_han(file);
  ASSERT_TRUE(set) << set.error().message;
  ASSERT_EQ(set->labels, (std::vector<std::string>{"JSmith:1", "JSmith:2", "JSmith:1", "JSmith:2"}));
  const auto& sigs = set->evidence.signatures;
  EXPECT_EQ(sigs[0].raw_name, "J E Smith") << "the repeat in printed form names the slot";
  EXPECT_EQ(set->evidence.works[sigs[0].work].author_keys.size(), 2u) << "the repeat is not a co-author";
  EXPECT_EQ(sigs[2].raw_name, "J Smith") << "found where it is listed";
  EXPECT_EQ(set->evidence.works[sigs[0].work].title, "Memetic algorithms");
  EXPECT_FALSE(set->evidence.works[sigs[0].work].venue_words.empty());
}

TEST(HanNameSets, AMalformedLineIsNamedByFileAndLine) {
  TempDir dir;
  auto file = dir.file("KTanaka.txt", "1_1 K Tanaka<>A title <>V\nno separators here\n");
  auto set = load_han(file);
  ASSERT_FALSE(set);
  EXPECT_NE(set.error().message.find("KTanaka.txt:2:"), std::string::npos) << set.error().message;
}

TEST(OpenAlexLabelledSet, OrcidIdsLabelTheSignaturesAndAreHiddenFromTheEvidence) {
  TempDir dir;
  auto author = [](const std::string& name, const std::string& orcid) {
    return R"({"author":{"display_name":")" + name + R"(","orcid":)" + (orcid.empty() ? "null" : "\"https://orcid.org/" + orcid + "\"") +
           R"(},"institutions":[{"display_name":"University of Oslo"}],"raw_affiliation_string":"Oslo"})";
  };
  // An API page saved as a pretty-printed array (the 2023 schema).
  dir.file("works_0_2.json", "[\n  {\"id\": \"https://openalex.org/W1\", \"title\": \"Sleep and memory\", \"publication_year\": 2019, \"authorships\": [" +
                                 author("Kari Nordmann", "0000-0002-1825-0097") + "," + author("Ola Hansen", "") +
                                 "]},\n  {\"id\": \"https://openalex.org/W2\", \"title\": \"Memory and sleep\", \"publication_year\": 2020, \"authorships\": [" +
                                 author("K. Nordmann", "0000-0002-1825-0097") + "]}\n]\n");
  auto set = load_openalex(dir.path().string());
  ASSERT_TRUE(set) << set.error().message;
  ASSERT_EQ(set->labels.size(), 2u) << "only authorships with an iD are labelled";
  EXPECT_EQ(set->labels[0], set->labels[1]);
  for (const auto& s : set->evidence.signatures) {
    EXPECT_TRUE(s.orcid.empty()) << "the answer must not be evidence";
    EXPECT_FALSE(s.affiliation.empty());
  }
}

}  // namespace
}  // namespace bzpeer::identity

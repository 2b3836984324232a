#include <gtest/gtest.h>

#include "ingest/s2and_reader.hpp"
#include "ingest_test_support.hpp"

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

TEST(S2andReader, ReadsTheDummyDataset) {
  CollectingSink sink;
  read_s2and(testing::shared_data("s2and-dummy"), sink);
  ASSERT_FALSE(sink.works.empty());
  size_t with_cluster = 0;
  for (const auto& w : sink.works) {
    EXPECT_EQ(w.external_id.rfind("s2and:s2and-dummy:", 0), 0u);
    EXPECT_FALSE(w.title.empty());
    for (const auto& a : w.authors)
      if (!a.source_person_id.empty()) ++with_cluster;
  }
  EXPECT_EQ(with_cluster, 5u);  // clusters.json labels signatures 0-4, each a distinct author slot
}

TEST(S2andReader, ReportsAMissingPapersFile) {
  TempDir dir;
  dir.file("ds/signatures.json", "{}");
  CollectingSink sink;
  read_s2and((dir.path() / "ds").string(), sink);
  EXPECT_TRUE(sink.works.empty());
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].file.find("papers.json"), std::string::npos);
}

TEST(S2andReader, MalformedPapersAreReported) {
  TempDir dir;
  dir.file("ds/signatures.json", "{}");
  dir.file("ds/papers.json", "{\"1\": {\"title\": ");
  CollectingSink sink;
  read_s2and((dir.path() / "ds").string(), sink);
  EXPECT_TRUE(sink.works.empty());
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].reason.find("malformed"), std::string::npos);
}

TEST(S2andReader, UsesSignatureNamesAndSkipsPapersWithoutYear) {
  TempDir dir;
  dir.file("ds/papers.json", R"({"10": {"paper_id": 10, "title": "A", "year": 2019, "venue": "V",
      "authors": [{"position": 0, "author_name": "J Smith"}, {"position": 1, "author_name": "K Lee"}],
      "references": [12, "13"], "fields_of_study": ["Computer Science", "Biology"]},
    "11": {"paper_id": 11, "title": "B", "year": null, "authors": []}})");
  dir.file("ds/signatures.json", R"({"s1": {"signature_id": "s1", "paper_id": 10,
      "author_info": {"first": "John", "middle": "Q", "last": "Smith", "suffix": null, "position": 0,
                      "email": "js@uni.edu", "affiliations": ["Uni A", "Lab B"]}}})");
  dir.file("ds/clusters.json", R"({"c7": {"cluster_id": "c7", "signature_ids": ["s1"]}})");
  CollectingSink sink;
  read_s2and((dir.path() / "ds").string(), sink);
  ASSERT_EQ(sink.works.size(), 1u);
  const auto& a = sink.works[0].authors[0];
  EXPECT_EQ(a.first, "John Q");
  EXPECT_EQ(a.last, "Smith");
  EXPECT_EQ(a.affiliation, "Uni A; Lab B");
  EXPECT_EQ(a.email, "js@uni.edu");
  EXPECT_EQ(a.source_person_id, "s2and:ds:c7");
  EXPECT_EQ(sink.works[0].authors[1].last, "Lee");
  EXPECT_EQ(sink.works[0].cited, (std::vector<std::string>{"s2and:ds:12", "s2and:ds:13"}));
  EXPECT_EQ(sink.works[0].categories, (std::vector<std::string>{"Computer_Science", "Biology"}));
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].reason.find("paper 11: impossible year"), std::string::npos);
}

}  // namespace
}  // namespace bzpeer::ingest

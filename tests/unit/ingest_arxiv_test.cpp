#include <gtest/gtest.h>

#include "ingest/arxiv_reader.hpp"
#include "ingest/sniff.hpp"
#include "ingest_test_support.hpp"

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

const char* kGood =
    R"({"id":"2101.00001","submitter":"A","authors":"Han Hu, Zheng Zhang and Yue Cao","title":"Swin  Transformer:\n Hierarchical Vision","comments":null,"journal-ref":null,"doi":"10.1/x","report-no":null,"categories":"cs.CV cs.LG","license":null,"abstract":"  We present a\nnew vision Transformer. ","versions":[{"version":"v1","created":"Thu, 25 Mar 2021 17:59:31 GMT"},{"version":"v2","created":"Tue, 17 Aug 2021 16:41:34 GMT"}],"update_date":"2021-08-18","authors_parsed":[["Hu","Han",""],["Zhang","Zheng",""],["Cao","Yue","Jr"]]})";

TEST(ArxivReader, ReadsAGoodRecord) {
  TempDir dir;
  CollectingSink sink;
  read_arxiv(dir.file("a.jsonl", std::string(kGood) + "\n"), sink);
  ASSERT_EQ(sink.issues.size(), 0u);
  ASSERT_EQ(sink.works.size(), 1u);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.external_id, "arxiv:2101.00001");
  EXPECT_EQ(w.title, "Swin Transformer: Hierarchical Vision");
  EXPECT_EQ(w.abstract, "We present a new vision Transformer.");
  EXPECT_EQ(w.year, 2021);
  EXPECT_EQ(w.date, "2021-03-25");  // the first version, not the last update
  EXPECT_EQ(w.type, "preprint");
  EXPECT_EQ(w.url, "https://arxiv.org/abs/2101.00001");
  EXPECT_EQ(w.categories, (std::vector<std::string>{"cs.CV", "cs.LG"}));
  ASSERT_EQ(w.authors.size(), 3u);
  EXPECT_EQ(w.authors[0].first, "Han");
  EXPECT_EQ(w.authors[0].last, "Hu");
  EXPECT_EQ(w.authors[0].raw_name, "Han Hu");
  EXPECT_EQ(w.authors[2].raw_name, "Yue Cao Jr");
  EXPECT_EQ(w.authors[2].position, 2);
}

TEST(ArxivReader, FallsBackToTheAuthorsStringAndDecodesTeX) {
  TempDir dir;
  CollectingSink sink;
  read_arxiv(dir.file("a.jsonl",
                      R"({"id":"x1","title":"On G\\\"{o}del","authors":"Kurt G\\\"odel and Jos\\'e van der Berg","update_date":"1990-01-02"})"
                      "\n"),
             sink);
  ASSERT_EQ(sink.works.size(), 1u) << (sink.issues.empty() ? "" : sink.issues[0].reason);
  EXPECT_EQ(sink.works[0].title, "On Gödel");
  ASSERT_EQ(sink.works[0].authors.size(), 2u);
  EXPECT_EQ(sink.works[0].authors[0].raw_name, "Kurt Gödel");
  EXPECT_EQ(sink.works[0].authors[1].first, "José");
  EXPECT_EQ(sink.works[0].authors[1].last, "van der Berg");
  EXPECT_EQ(sink.works[0].year, 1990);
  EXPECT_EQ(sink.works[0].url, "");  // "x1" is not an arXiv identifier: no link to a missing page
}

TEST(ArxivReader, ReportsEachBadRecordWithItsLineAndGoesOn) {
  TempDir dir;
  std::string huge_title(3000, 'x');
  std::string lines = std::string(kGood) + "\n" +                                          // 1 good
                      "{\"id\": \"bad-json\", \"title\": \n" +                            // 2 malformed
                      R"({"id":"no-title","title":"  ","update_date":"2020-01-01"})" "\n"  // 3 missing title
                      R"({"id":"old","title":"T","update_date":"1200-01-01"})" "\n"        // 4 impossible year
                      "{\"id\":\"big\",\"title\":\"" + huge_title + "\",\"update_date\":\"2020-01-01\"}\n" +  // 5 too long
                      "{\"id\":\"utf\",\"title\":\"bad \xff byte\",\"update_date\":\"2020-01-01\"}\n" +      // 6 bad UTF-8
                      "\n" +                                                                // 7 blank: ignored
                      R"({"id":"ok2","title":"Fine","update_date":"2020-05"})" "\n";        // 8 good
  CollectingSink sink;
  auto path = dir.file("mixed.jsonl", lines);
  read_arxiv(path, sink);
  ASSERT_EQ(sink.works.size(), 2u);
  EXPECT_EQ(sink.works[1].external_id, "arxiv:ok2");
  ASSERT_EQ(sink.issues.size(), 5u);
  EXPECT_EQ(sink.issues[0].line, 2u);
  EXPECT_NE(sink.issues[0].reason.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(sink.issues[1].line, 3u);
  EXPECT_EQ(sink.issues[1].reason, "missing title");
  EXPECT_EQ(sink.issues[2].line, 4u);
  EXPECT_NE(sink.issues[2].reason.find("impossible year"), std::string::npos);
  EXPECT_EQ(sink.issues[3].line, 5u);
  EXPECT_NE(sink.issues[3].reason.find("'title'"), std::string::npos);
  EXPECT_EQ(sink.issues[4].line, 6u);
  EXPECT_NE(sink.issues[4].reason.find("UTF-8"), std::string::npos);
  for (const auto& issue : sink.issues) EXPECT_EQ(issue.file, path);
}

TEST(ArxivReader, ReportsAMissingFile) {
  CollectingSink sink;
  read_arxiv("/nonexistent/file.jsonl", sink);
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_EQ(sink.issues[0].reason, "cannot open file");
}

TEST(ArxivReader, ARecordWithoutAnIdIsRejectedNotStoredUnderThePrefix) {
  TempDir dir;
  std::string lines = std::string(R"({"id":null,"title":"First","update_date":"2020-01-01"})") + "\n" +
                      R"({"id":"","title":"Second","update_date":"2020-01-01"})" "\n" +
                      R"({"id":"  ","title":"Third","update_date":"2020-01-01"})" "\n" + kGood + "\n";
  CollectingSink sink;
  read_arxiv(dir.file("ids.jsonl", lines), sink);
  ASSERT_EQ(sink.works.size(), 1u);
  EXPECT_NE(sink.works[0].external_id, "arxiv:");
  ASSERT_EQ(sink.issues.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(sink.issues[i].line, i + 1);
    EXPECT_EQ(sink.issues[i].reason, "missing id");
  }
}

TEST(ArxivReader, ABrokenFirstLineOrAByteOrderMarkLosesNothingElse) {
  TempDir dir;
  std::string good2 = R"({"id":"2","title":"Second","update_date":"2020-01-01"})";
  std::string good3 = R"({"id":"3","title":"Third","update_date":"2020-01-01"})";
  // The first line cut off mid-record: the rest are still JSON lines of arXiv.
  std::string broken = "{\"id\": \"1\", \"tit\n" + good2 + "\n" + good3 + "\n";
  auto path = dir.file("broken.jsonl", broken);
  EXPECT_EQ(sniff_format(path), Format::arxiv);
  CollectingSink sink;
  read_arxiv(path, sink);
  ASSERT_EQ(sink.works.size(), 2u);
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_EQ(sink.issues[0].line, 1u);

  CollectingSink bom;
  read_arxiv(dir.file("bom.jsonl", "\xEF\xBB\xBF" + good2 + "\n" + good3 + "\n"), bom);
  EXPECT_EQ(bom.works.size(), 2u);
  EXPECT_TRUE(bom.issues.empty());
}

}  // namespace
}  // namespace bzpeer::ingest

#include <gtest/gtest.h>

#include "ingest/acl_reader.hpp"
#include "ingest/reader.hpp"
#include "ingest_test_support.hpp"

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

const char* kCollection = R"(<?xml version='1.0' encoding='UTF-8'?>
<collection id="P18">
  <volume id="1">
    <meta>
      <booktitle>Proceedings of the 56th Annual Meeting of the <fixed-case>ACL</fixed-case></booktitle>
      <month>July</month>
      <year>2018</year>
    </meta>
    <paper id="1">
      <title>Probabilistic <fixed-case>F</fixed-case>ast<fixed-case>T</fixed-case>ext for Word Embeddings</title>
      <author id="ben-athiwaratkun"><first>Ben</first><last>Athiwaratkun</last></author>
      <author><first>Goran</first><last>Glavaš</last></author>
      <abstract>We introduce <b>Probabilistic</b> FastText.</abstract>
      <url>P18-1001</url>
      <doi>10.18653/v1/P18-1001</doi>
    </paper>
    <paper id="2">
      <author><first>No</first><last>Title</last></author>
      <url>P18-1002</url>
    </paper>
  </volume>
  <volume id="2">
    <paper id="7">
      <title>A paper in a volume without meta</title>
      <author><first>A.</first><last>Writer</last></author>
    </paper>
  </volume>
</collection>
)";

TEST(AclReader, ReadsPapersFlatteningMarkup) {
  TempDir dir;
  CollectingSink sink;
  read_acl(dir.file("P18.xml", kCollection), sink);
  ASSERT_EQ(sink.works.size(), 2u);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.external_id, "acl:P18-1001");
  EXPECT_EQ(w.title, "Probabilistic FastText for Word Embeddings");
  EXPECT_EQ(w.abstract, "We introduce Probabilistic FastText.");
  EXPECT_EQ(w.venue, "Proceedings of the 56th Annual Meeting of the ACL");
  EXPECT_EQ(w.year, 2018);
  EXPECT_EQ(w.date, "2018-07");
  EXPECT_EQ(w.type, "proceedings");
  EXPECT_EQ(w.doi, "10.18653/v1/P18-1001");
  ASSERT_EQ(w.authors.size(), 2u);
  EXPECT_EQ(w.authors[0].source_person_id, "acl:ben-athiwaratkun");
  EXPECT_EQ(w.authors[1].raw_name, "Goran Glavaš");
  EXPECT_EQ(w.authors[1].source_person_id, "");
  // A volume without <meta> takes its year from the collection id and its id from the paper.
  EXPECT_EQ(sink.works[1].external_id, "acl:P18-2007");
  EXPECT_EQ(sink.works[1].year, 2018);
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].reason.find("P18-1002: missing title"), std::string::npos);
  EXPECT_GT(sink.issues[0].line, 0u);
}

TEST(AclReader, MalformedXmlKeepsThePapersBeforeTheError) {
  TempDir dir;
  std::string broken = "<?xml version='1.0' encoding='UTF-8'?>\n<collection id=\"P18\">\n<volume id=\"1\">\n";
  // libxml2 parses ahead of the papers it hands out: the break comes well after them.
  for (int i = 1; i <= 200; ++i)
    broken += "<paper id=\"" + std::to_string(i) + "\"><title>Paper " + std::to_string(i) +
              "</title><author><first>Ben</first><last>Athiwaratkun</last></author></paper>\n";
  broken += "<paper id=\"201\"><title>Cut";
  CollectingSink sink;
  auto path = dir.file("broken.xml", broken);
  read_acl(path, sink);
  EXPECT_GT(sink.works.size(), 100u);
  EXPECT_LT(sink.works.size(), 201u);
  // Papers the parser's error reached are left out, never stored in half (it had already
  // lost their authors' first names).
  for (const auto& w : sink.works) {
    ASSERT_EQ(w.authors.size(), 1u);
    EXPECT_EQ(w.authors[0].first, "Ben") << w.external_id;
  }
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].reason.find("malformed XML"), std::string::npos);
  EXPECT_EQ(sink.issues[0].file, path);
  EXPECT_EQ(sink.issues[0].line, 204u);
}

TEST(AclReader, ReadsARealAnthologyFile) {
  CollectingSink sink;
  read_acl(testing::shared_data("acl-anthology-2019/xml/P18.xml"), sink);
  EXPECT_EQ(sink.works.size(), 435u);  // every <paper> of P18.xml
  EXPECT_TRUE(sink.issues.empty());
  for (const auto& w : sink.works) {
    EXPECT_EQ(w.year, 2018);
    EXPECT_EQ(w.external_id.rfind("acl:P18-", 0), 0u);
  }
}

TEST(Sniffing, PlansInputsByFormat) {
  TempDir dir;
  dir.file("data/a.jsonl", R"({"id":"1","title":"T","authors_parsed":[]})" "\n");
  dir.file("data/b.xml", kCollection);
  dir.file("data/README.md", "docs are skipped");
  dir.file("data/other.bin", "???");
  dir.file("data/s2/signatures.json", "{}");
  dir.file("data/s2/papers.json", "{}");
  CollectingSink sink;
  auto inputs = plan_inputs({(dir.path() / "data").string()}, Format::automatic, sink);
  ASSERT_EQ(inputs.size(), 3u);
  EXPECT_EQ(inputs[0].format, Format::arxiv);
  EXPECT_EQ(inputs[1].format, Format::acl);
  EXPECT_EQ(inputs[2].format, Format::s2and);
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].file.find("other.bin"), std::string::npos);
}

TEST(Sniffing, RejectsAnUnknownFormatName) {
  EXPECT_FALSE(parse_format("bibtex").ok());
  EXPECT_EQ(*parse_format("acl"), Format::acl);
}

}  // namespace
}  // namespace bzpeer::ingest

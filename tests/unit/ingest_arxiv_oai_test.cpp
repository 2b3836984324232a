// arXiv's OAI-PMH records: the JSON-lines mirror of oai_dc and the XML ListRecords
// responses in both metadata formats.
#include <gtest/gtest.h>

#include "ingest/arxiv_oai_reader.hpp"
#include "ingest/arxiv_taxonomy.hpp"
#include "ingest/reader.hpp"
#include "ingest/sniff.hpp"
#include "ingest_test_support.hpp"

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

// A line as the mirror stores it (subjects, "Last, First" creators, the abstract then its
// Comment, the first version's date first, journal ref and DOI among the identifiers).
const char* kMirrorLine =
    R"(["1701.00001",{"format":[],"subject":["Computer Science - Computer Vision and Pattern Recognition",)"
    R"("Computer Science - Learning","I.2.6"],"identifier":["http://arxiv.org/abs/1701.00001",)"
    R"("Pattern Recognition 64 (2017) 1-10","doi:10.1016/j.patcog.2016.11.001"],"date":["2016-12-30","2017-01-15"],)"
    R"("type":["text"],"creator":["Hu, Han","van der Berg, Anna"],"title":["Deep nets\n  for vision"],)"
    R"("description":["  We propose a deep\nnetwork.\n","Comment: 10 pages, 4 figures"]}])";

TEST(ArxivOaiReader, ReadsTheJsonLinesMirror) {
  TempDir dir;
  auto path = dir.file("2017-01-01.json", std::string(kMirrorLine) + "\n[\"1701.00002\", {\"title\": 7}]\n");
  EXPECT_EQ(sniff_format(path), Format::arxiv_oai);
  CollectingSink sink;
  read_input({path, Format::arxiv_oai, 0}, sink);
  ASSERT_EQ(sink.works.size(), 1u);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.external_id, "arxiv:1701.00001");
  EXPECT_EQ(w.title, "Deep nets for vision");
  EXPECT_EQ(w.abstract, "We propose a deep network.");
  EXPECT_EQ(w.categories, (std::vector<std::string>{"cs.CV", "cs.LG"})) << "MSC/ACM classes are not arXiv categories";
  EXPECT_EQ(w.date, "2016-12-30");
  EXPECT_EQ(w.year, 2016);
  EXPECT_EQ(w.doi, "10.1016/j.patcog.2016.11.001");
  EXPECT_EQ(w.venue, "Pattern Recognition 64 (2017) 1-10");
  EXPECT_EQ(w.url, "https://arxiv.org/abs/1701.00001");
  ASSERT_EQ(w.authors.size(), 2u);
  EXPECT_EQ(w.authors[0].first, "Han");
  EXPECT_EQ(w.authors[0].last, "Hu");
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_EQ(sink.issues[0].line, 2u);
  EXPECT_NE(sink.issues[0].reason.find("title"), std::string::npos) << sink.issues[0].reason;
}

// A ListRecords response as export.arxiv.org/oai2 serves it: one oai_dc record, one in the
// arXiv format, a deleted one, and a resumption token.
const char* kListRecords = R"(<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">
<responseDate>2017-01-02T00:00:00Z</responseDate>
<request verb="ListRecords" metadataPrefix="oai_dc">http://export.arxiv.org/oai2</request>
<ListRecords>
<record><header><identifier>oai:arXiv.org:1701.00003</identifier><datestamp>2017-01-02</datestamp><setSpec>cs</setSpec></header>
<metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>Graph parsing</dc:title><dc:creator>Smith, John</dc:creator><dc:subject>Computer Science - Computation and Language</dc:subject>
<dc:description>We parse graphs.</dc:description><dc:description>Comment: 8 pages</dc:description>
<dc:date>2017-01-01</dc:date><dc:identifier>http://arxiv.org/abs/1701.00003</dc:identifier></oai_dc:dc></metadata></record>
<record><header><identifier>oai:arXiv.org:0704.0001</identifier><datestamp>2008-11-13</datestamp></header>
<metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>0704.0001</id><created>2007-04-02</created><updated>2008-11-13</updated>
<authors><author><keyname>Bal&#225;zs</keyname><forenames>C.</forenames></author><author><keyname>Berger</keyname><forenames>E. L.</forenames></author></authors>
<title>Calculation of prompt diphoton production</title><categories>hep-ph</categories><journal-ref>Phys.Rev.D76:013009,2007</journal-ref>
<doi>10.1103/PhysRevD.76.013009</doi><abstract>A fully differential calculation.</abstract></arXiv></metadata></record>
<record><header status="deleted"><identifier>oai:arXiv.org:1701.00004</identifier><datestamp>2017-01-02</datestamp></header></record>
<resumptionToken cursor="0" completeListSize="3">6960524|1001</resumptionToken>
</ListRecords>
</OAI-PMH>
)";

TEST(ArxivOaiReader, ReadsListRecordsInBothMetadataFormats) {
  TempDir dir;
  auto path = dir.file("listrecords.xml", kListRecords);
  EXPECT_EQ(sniff_format(path), Format::arxiv_oai);
  CollectingSink sink;
  read_input({path, Format::arxiv_oai, 0}, sink);
  EXPECT_TRUE(sink.issues.empty()) << sink.issues[0].reason;
  ASSERT_EQ(sink.works.size(), 2u) << "the deleted record is not a work";
  EXPECT_EQ(sink.works[0].external_id, "arxiv:1701.00003");
  EXPECT_EQ(sink.works[0].abstract, "We parse graphs.");
  EXPECT_EQ(sink.works[0].categories, (std::vector<std::string>{"cs.CL"}));
  const auto& w = sink.works[1];
  EXPECT_EQ(w.external_id, "arxiv:0704.0001");
  EXPECT_EQ(w.date, "2007-04-02") << "the first version's date";
  EXPECT_EQ(w.categories, (std::vector<std::string>{"hep-ph"}));
  EXPECT_EQ(w.doi, "10.1103/PhysRevD.76.013009");
  EXPECT_EQ(w.venue, "Phys.Rev.D76:013009,2007");
  ASSERT_EQ(w.authors.size(), 2u);
  EXPECT_EQ(w.authors[0].last, "Balázs");
  EXPECT_EQ(w.authors[1].first, "E. L.");
}

TEST(ArxivTaxonomy, SubjectNamesMapToCategoryCodes) {
  EXPECT_EQ(arxiv_category_of_subject("Statistics - Machine Learning"), "stat.ML");
  EXPECT_EQ(arxiv_category_of_subject("High Energy Physics - Theory"), "hep-th");
  EXPECT_EQ(arxiv_category_of_subject("Condensed Matter - Materials Science"), "cond-mat.mtrl-sci");
  EXPECT_EQ(arxiv_category_of_subject("05A15"), "");
}

}  // namespace
}  // namespace bzpeer::ingest

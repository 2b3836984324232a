#include <gtest/gtest.h>

#include <zlib.h>

#include <algorithm>
#include <cstring>

#include "ingest/dblp_reader.hpp"
#include "ingest/sniff.hpp"
#include "ingest_test_support.hpp"

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

// dblp.dtd declares the dump's character entities; this is the part the records use.
const char* kDtd = R"(<!ENTITY uuml "&#252;"> <!ENTITY eacute "&#233;">
<!ELEMENT dblp (article|inproceedings|proceedings|www)*>
)";

// Records in the shape of the DBLP dump (dblp.org/xml/), with one of each kind it skips.
const char* kDump = R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE dblp SYSTEM "dblp.dtd">
<dblp>
<www mdate="2020-01-01" key="homepages/h/HanHu1"><author>Han Hu 0001</author><title>Home Page</title></www>
<inproceedings mdate="2021-10-01" key="conf/iccv/LiuL00WZLG21">
<author orcid="0000-0002-1825-0097">Ze Liu</author>
<author>Han Hu 0001</author>
<author>J&uuml;rgen M&eacute;ller</author>
<title>Swin Transformer: Hierarchical Vision Transformer using <i>Shifted</i> Windows.</title>
<pages>9992-10002</pages>
<year>2021</year>
<booktitle>ICCV</booktitle>
<ee>https://doi.org/10.1109/ICCV48922.2021.00986</ee>
<ee type="oa">https://openaccess.thecvf.com/x.html</ee>
<crossref>conf/iccv/2021</crossref>
</inproceedings>
<proceedings mdate="2021-01-01" key="conf/iccv/2021"><title>ICCV 2021</title><year>2021</year></proceedings>
<article mdate="2022-01-01" key="journals/corr/abs-2111-09886" publtype="informal">
<author>Zhenda Xie</author>
<author>Han Hu</author>
<title>SimMIM: A Simple Framework for Masked Image Modeling?</title>
<year>2021</year>
<journal>CoRR</journal>
<volume>abs/2111.09886</volume>
<ee type="oa">https://arxiv.org/abs/2111.09886</ee>
</article>
<article mdate="2022-01-01" key="journals/x/Bad">
<author>Han Hu 0002</author>
<title>Energy efficient offloading.</title>
<year>20X1</year>
<journal>IEEE IoT J.</journal>
</article>
</dblp>
)";

TEST(DblpReader, ReadsWorksAndKeepsHomonymNumbersAsPersonIds) {
  TempDir dir;
  dir.file("dblp.dtd", kDtd);
  CollectingSink sink;
  read_dblp(dir.file("dblp.xml", kDump), sink);
  ASSERT_EQ(sink.works.size(), 2u);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.external_id, "dblp:conf/iccv/LiuL00WZLG21");
  EXPECT_EQ(w.source, "DBLP");
  EXPECT_EQ(w.type, "proceedings");
  EXPECT_EQ(w.title, "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows");
  EXPECT_EQ(w.venue, "ICCV");
  EXPECT_EQ(w.year, 2021);
  EXPECT_EQ(w.doi, "10.1109/ICCV48922.2021.00986");
  EXPECT_EQ(w.url, "https://doi.org/10.1109/ICCV48922.2021.00986");
  ASSERT_EQ(w.authors.size(), 3u);
  EXPECT_EQ(w.authors[0].orcid, "0000-0002-1825-0097");
  EXPECT_EQ(w.authors[0].source_person_id, "");  // a name without a number is no person id
  // "Han Hu 0001": the printed name is "Han Hu"; the number tells this Han Hu apart.
  EXPECT_EQ(w.authors[1].raw_name, "Han Hu");
  EXPECT_EQ(w.authors[1].last, "Hu");
  EXPECT_EQ(w.authors[1].source_person_id, "dblp:Han Hu 0001");
  EXPECT_EQ(w.authors[2].raw_name, "Jürgen Méller");  // entities from the DTD
  EXPECT_EQ(w.authors[2].position, 2);
  const auto& corr = sink.works[1];
  EXPECT_EQ(corr.type, "preprint");  // DBLP lists arXiv papers as articles of "CoRR"
  EXPECT_EQ(corr.title, "SimMIM: A Simple Framework for Masked Image Modeling?");
  EXPECT_EQ(corr.url, "https://arxiv.org/abs/2111.09886");
  // The record with an impossible year is reported by its key and line; the rest went on.
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_NE(sink.issues[0].reason.find("journals/x/Bad"), std::string::npos) << sink.issues[0].reason;
  std::string before(kDump, std::string(kDump).find("journals/x/Bad"));
  EXPECT_EQ(sink.issues[0].line, static_cast<std::uint64_t>(std::count(before.begin(), before.end(), '\n') + 1));
}

TEST(DblpReader, ABrokenDumpKeepsTheRecordsBeforeTheBreak) {
  TempDir dir;
  dir.file("dblp.dtd", kDtd);
  std::string dump = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n";
  // libxml2 parses ahead of the records it hands out: a break well after them.
  for (int i = 0; i < 200; ++i)
    dump += "<article key=\"a/" + std::to_string(i) +
            "\"><author>Kai Han 0002</author><title>GhostNet.</title><year>2020</year><journal>J</journal></article>\n";
  dump += "<article key=\"broken\"><author>Kai Han</author><title>Broken <i>here.</title><year>2020</year></article>\n";
  dump += "<article key=\"after\"><author>Kai Han</author><title>Never read.</title><year>2020</year></article>\n</dblp>\n";
  CollectingSink sink;
  read_dblp(dir.file("dblp.xml", dump), sink);
  EXPECT_GT(sink.works.size(), 100u);
  EXPECT_LE(sink.works.size(), 200u);
  for (const auto& w : sink.works) EXPECT_EQ(w.authors[0].source_person_id, "dblp:Kai Han 0002");
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_EQ(sink.issues[0].line, 204u);
  EXPECT_NE(sink.issues[0].reason.find("malformed XML"), std::string::npos);
  EXPECT_NE(sink.issues[0].reason.find("records before this point were kept"), std::string::npos);
}

TEST(DblpReader, HomonymNumbersAreFourDigitsAtTheEnd) {
  using Split = std::pair<std::string, std::string>;
  EXPECT_EQ(split_dblp_homonym_number("Wei Wang 0001"), Split("Wei Wang", "0001"));
  EXPECT_EQ(split_dblp_homonym_number("Wei Wang"), Split("Wei Wang", ""));
  EXPECT_EQ(split_dblp_homonym_number("Louis XIV"), Split("Louis XIV", ""));
  EXPECT_EQ(split_dblp_homonym_number("Agent 007"), Split("Agent 007", ""));
}

TEST(DblpReader, IsRecognisedByItsRoot) {
  TempDir dir;
  EXPECT_EQ(sniff_format(dir.file("dblp.xml", kDump)), Format::dblp);
}

TEST(DblpReader, ReadsTheCompressedDumpAsItShips) {
  TempDir dir;
  dir.file("dblp.dtd", kDtd);
  std::string path = (dir.path() / "dblp.xml.gz").string();
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  gzwrite(out, kDump, static_cast<unsigned>(std::strlen(kDump)));
  gzclose(out);
  EXPECT_EQ(sniff_format(path), Format::dblp);
  CollectingSink sink;
  read_dblp(path, sink);
  ASSERT_EQ(sink.works.size(), 2u);
  EXPECT_EQ(sink.works[0].authors[2].raw_name, "Jürgen Méller");
}


TEST(DblpReader, AnExternalEntityReadsNoLocalFile) {
  TempDir dir;
  dir.file("dblp.dtd", kDtd);
  std::string secret = dir.file("secret.txt", "TOP-SECRET-CONTENT");
  std::string dump = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\" [\n"
                     "<!ENTITY leak SYSTEM \"file://" + secret + "\">\n"
                     "<!ENTITY passwd SYSTEM \"file:///etc/passwd\">\n]>\n<dblp>\n"
                     "<article key=\"journals/x/A\"><author>Kai Han</author><title>GhostNet.</title>"
                     "<year>2020</year><journal>&leak;&passwd;</journal></article>\n</dblp>\n";
  CollectingSink sink;
  read_dblp(dir.file("dblp.xml", dump), sink);
  for (const auto& w : sink.works) {
    EXPECT_EQ(w.venue.find("TOP-SECRET"), std::string::npos) << w.venue;
    EXPECT_EQ(w.venue.find("root:"), std::string::npos) << w.venue;
  }
  bool said_so = false;
  for (const auto& issue : sink.issues) said_so |= issue.reason.find("refused to read") != std::string::npos;
  EXPECT_TRUE(said_so) << "the refused entity is not reported";
}

TEST(DblpReader, ADtdOutsideTheDumpsFolderIsNotRead) {
  TempDir dir;
  dir.file("dblp.dtd", kDtd);
  std::filesystem::create_directories(dir.path() / "sub");
  std::string dump = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp SYSTEM \"../dblp.dtd\">\n<dblp>\n"
                     "<article key=\"journals/x/A\"><author>J&uuml;rgen</author><title>T.</title></article>\n</dblp>\n";
  CollectingSink sink;
  read_dblp(dir.file("sub/dblp.xml", dump), sink);
  bool said_so = false;
  for (const auto& issue : sink.issues) said_so |= issue.reason.find("refused to read") != std::string::npos;
  EXPECT_TRUE(said_so);
}

TEST(DblpReader, EntityExpansionBombsAreRefused) {
  TempDir dir;
  dir.file("dblp.dtd", kDtd);
  std::string dump = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\" [\n<!ENTITY l0 \"lollollollollol\">\n";
  for (int i = 1; i <= 9; ++i) {
    dump += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) dump += "&l" + std::to_string(i - 1) + ";";
    dump += "\">\n";
  }
  dump += "]>\n<dblp>\n<article key=\"journals/x/A\"><author>Kai Han</author><title>&l9;</title></article>\n</dblp>\n";
  CollectingSink sink;
  read_dblp(dir.file("dblp.xml", dump), sink);
  for (const auto& w : sink.works) EXPECT_LT(w.title.size(), 1000000u);
  EXPECT_FALSE(sink.issues.empty());
}
}  // namespace
}  // namespace bzpeer::ingest

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

#include "ingest/openalex_reader.hpp"
#include "ingest/sniff.hpp"
#include "ingest_test_support.hpp"

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

// A work object in the shape OpenAlex documents (docs.openalex.org, Work and Authorship
// objects), with fields the reader does not use left in.
const char* kWork = R"({"id":"https://openalex.org/W3138516171","doi":"https://doi.org/10.1109/iccv48922.2021.00986",)"
    R"("title":"Swin Transformer: Hierarchical Vision Transformer using Shifted Windows","display_name":"Swin Transformer",)"
    R"("publication_year":2021,"publication_date":"2021-10-01","language":"en","type":"article","cited_by_count":20000,)"
    R"("primary_location":{"is_oa":true,"landing_page_url":"https://doi.org/10.1109/iccv48922.2021.00986",)"
    R"("source":{"id":"https://openalex.org/S4363607764","display_name":"ICCV","type":"conference"}},)"
    R"("authorships":[{"author_position":"first","author":{"id":"https://openalex.org/A5100400000","display_name":"Ze Liu",)"
    R"("orcid":null},"institutions":[{"id":"https://openalex.org/I126520041","display_name":"University of Science and Technology of China",)"
    R"("ror":"https://ror.org/04c4dkn09","country_code":"CN","type":"education"}],"countries":["CN"],"is_corresponding":false,)"
    R"("raw_author_name":"Ze Liu","raw_affiliation_strings":["USTC"]},)"
    R"({"author_position":"last","author":{"id":"https://openalex.org/A5000000001","display_name":"Han Hu",)"
    R"("orcid":"https://orcid.org/0000-0002-1825-0097"},"institutions":[],"raw_author_name":"Hu, Han",)"
    R"("raw_affiliation_strings":["Microsoft Research Asia"]}],)"
    R"("abstract_inverted_index":{"This":[0],"paper":[1],"presents":[2],"a":[3],"new":[4],"vision":[5,8],"Transformer,":[6],"for":[7]},)"
    R"("topics":[{"id":"https://openalex.org/T10036","display_name":"Advanced Neural Network Applications","score":0.99,)"
    R"("subfield":{"id":"https://openalex.org/subfields/1707","display_name":"Computer Vision and Pattern Recognition"},)"
    R"("field":{"id":"https://openalex.org/fields/17","display_name":"Computer Science"}},)"
    R"({"id":"https://openalex.org/T1","display_name":"Other","score":0.5,"subfield":{"display_name":"Computer Vision and Pattern Recognition"}}],)"
    R"("referenced_works":["https://openalex.org/W2194775991","https://openalex.org/W2963446712"],"concepts":[]})";

TEST(OpenAlexReader, ReadsAWorkObject) {
  TempDir dir;
  CollectingSink sink;
  read_openalex(dir.file("works.jsonl", std::string(kWork) + "\n"), sink);
  ASSERT_EQ(sink.issues.size(), 0u) << sink.issues[0].reason;
  ASSERT_EQ(sink.works.size(), 1u);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.external_id, "openalex:W3138516171");
  EXPECT_EQ(w.source, "OpenAlex");
  EXPECT_EQ(w.title, "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows");
  EXPECT_EQ(w.doi, "10.1109/iccv48922.2021.00986");
  EXPECT_EQ(w.year, 2021);
  EXPECT_EQ(w.date, "2021-10-01");
  EXPECT_EQ(w.type, "proceedings");  // an article at a conference source
  EXPECT_EQ(w.venue, "ICCV");
  EXPECT_EQ(w.url, "https://doi.org/10.1109/iccv48922.2021.00986");
  // The abstract is put back together from its inverted index, words in position order.
  EXPECT_EQ(w.abstract, "This paper presents a new vision Transformer, for vision");
  EXPECT_EQ(w.categories, (std::vector<std::string>{"Computer_Vision_and_Pattern_Recognition"}));
  EXPECT_EQ(w.cited, (std::vector<std::string>{"openalex:W2194775991", "openalex:W2963446712"}));
  ASSERT_EQ(w.authors.size(), 2u);
  EXPECT_EQ(w.authors[0].raw_name, "Ze Liu");
  EXPECT_EQ(w.authors[0].last, "Liu");
  // Matched institutions are preferred to the raw string they were matched from.
  EXPECT_EQ(w.authors[0].affiliation, "University of Science and Technology of China");
  EXPECT_EQ(w.authors[0].orcid, "");
  // The printed form "Hu, Han" is parsed; with no matched institution, the raw string stays.
  EXPECT_EQ(w.authors[1].first, "Han");
  EXPECT_EQ(w.authors[1].last, "Hu");
  EXPECT_EQ(w.authors[1].position, 1);
  EXPECT_EQ(w.authors[1].affiliation, "Microsoft Research Asia");
  EXPECT_EQ(w.authors[1].orcid, "0000-0002-1825-0097");  // bare, check digit verified
  // OpenAlex's author ids are its own machine clustering: never a curated person id.
  EXPECT_EQ(w.authors[1].source_person_id, "");
}

TEST(OpenAlexReader, NullsAndMissingPartsAreEmptyNotErrors) {
  TempDir dir;
  CollectingSink sink;
  read_openalex(dir.file("works.jsonl",
                         R"({"id":"https://openalex.org/W1","title":null,"display_name":"A preprint","doi":null,)"
                         R"("publication_year":2024,"publication_date":null,"type":"preprint","primary_location":{"source":null},)"
                         R"("authorships":[{"author":{"display_name":"Kai Han","orcid":"https://orcid.org/0000-0002-1825-0098"},)"
                         R"("institutions":null,"raw_author_name":null}],"abstract_inverted_index":null,"topics":null,)"
                         R"("referenced_works":null})"
                         "\n"),
                sink);
  ASSERT_EQ(sink.works.size(), 1u) << (sink.issues.empty() ? "" : sink.issues[0].reason);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.title, "A preprint");  // display_name stands in for a null title
  EXPECT_EQ(w.type, "preprint");
  EXPECT_EQ(w.venue, "");
  EXPECT_EQ(w.abstract, "");
  ASSERT_EQ(w.authors.size(), 1u);
  EXPECT_EQ(w.authors[0].raw_name, "Kai Han");  // the display name when no printed form is given
  EXPECT_EQ(w.authors[0].orcid, "");            // a wrong check digit is no iD at all
}

TEST(OpenAlexReader, ReportsEachBadLineAndGoesOn) {
  TempDir dir;
  CollectingSink sink;
  std::string lines = std::string(kWork) + "\n" +
                      R"({"id":"https://openalex.org/W2","title": )" "\n" +                         // 2 malformed
                      R"({"id":"https://openalex.org/W3","title":"Far future","publication_year":3020})" "\n" +       // 3 invalid
                      R"({"id":"https://openalex.org/W4","title":"Year as text","publication_year":"2020"})" "\n" +  // 4 wrong type
                      "\n" + std::string(kWork) + "\n";
  read_openalex(dir.file("works.jsonl", lines), sink);
  EXPECT_EQ(sink.works.size(), 2u);
  ASSERT_EQ(sink.issues.size(), 3u);
  EXPECT_EQ(sink.issues[0].line, 2u);
  EXPECT_NE(sink.issues[0].reason.find("malformed JSON"), std::string::npos);
  EXPECT_EQ(sink.issues[1].line, 3u);
  EXPECT_NE(sink.issues[1].reason.find("year 3020"), std::string::npos);
  EXPECT_EQ(sink.issues[2].line, 4u);
  EXPECT_NE(sink.issues[2].reason.find("field \"publication_year\""), std::string::npos) << sink.issues[2].reason;
  for (const auto& issue : sink.issues) EXPECT_NE(issue.file.find("works.jsonl"), std::string::npos);
}

TEST(OpenAlexReader, IsRecognisedBeforeArxiv) {
  TempDir dir;
  // An OpenAlex line also has an "id" and a "title", as arXiv lines do.
  EXPECT_EQ(sniff_format(dir.file("w.jsonl", std::string(kWork) + "\n")), Format::openalex);
  EXPECT_EQ(sniff_format(dir.file("a.jsonl", R"({"id":"2101.00001","title":"T","authors":"A B"})" "\n")), Format::arxiv);
}

// Writes `text` gzip-compressed to `path`, as the OpenAlex snapshot ships its parts.
void write_gzip(const std::string& path, const std::string& text) {
  gzFile out = gzopen(path.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, text.data(), static_cast<unsigned>(text.size())), static_cast<int>(text.size()));
  gzclose(out);
}

TEST(OpenAlexReader, ReadsGzipPartsAsTheyShip) {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 50; ++i) lines += std::string(kWork) + "\n";
  std::string path = (dir.path() / "part_000.gz").string();
  write_gzip(path, lines);
  EXPECT_EQ(sniff_format(path), Format::openalex);
  CollectingSink sink;
  read_openalex(path, sink);
  EXPECT_TRUE(sink.issues.empty());
  ASSERT_EQ(sink.works.size(), 50u);
  EXPECT_EQ(sink.works[49].title, "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows");
}

TEST(OpenAlexReader, ATruncatedGzipKeepsTheLinesBeforeAndSaysSo) {
  TempDir dir;
  std::string lines;
  // Works of different sizes, so the compressed stream does not repeat one pattern.
  for (int i = 0; i < 2000; ++i) {
    std::string work = kWork;
    work.replace(work.find("W3138516171"), 11, "W" + std::to_string(1000000 + i * 7919));
    lines += work + "\n";
  }
  std::string whole = (dir.path() / "whole.gz").string();
  write_gzip(whole, lines);
  std::ifstream in(whole, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string cut = bytes.str().substr(0, bytes.str().size() / 2);
  std::string path = dir.file("part_001.gz", cut);
  CollectingSink sink;
  read_openalex(path, sink);
  EXPECT_GT(sink.works.size(), 100u);
  EXPECT_LT(sink.works.size(), 2000u);
  ASSERT_FALSE(sink.issues.empty());
  EXPECT_NE(sink.issues.back().reason.find("the file ends early"), std::string::npos) << sink.issues.back().reason;
  EXPECT_EQ(sink.issues.back().file, path);
}

}  // namespace
}  // namespace bzpeer::ingest

namespace bzpeer::ingest {
namespace {

using testing::CollectingSink;
using testing::TempDir;

// Saved API result pages: a {meta, results} envelope, pretty-printed, in the 2023 schema
// (concepts, raw_affiliation_string, host_venue), with one record of the wrong shape.
TEST(OpenAlexReader, ReadsApiPagesPrettyPrintedWithTheirLineNumbers) {
  TempDir dir;
  auto path = dir.file("page.json", R"({
  "meta": {"count": 3, "page": 1},
  "results": [
    {
      "id": "https://openalex.org/W1",
      "title": "Sleep and memory in adolescents",
      "publication_year": 2019,
      "host_venue": {"display_name": "Journal of Sleep Research"},
      "concepts": [{"display_name": "Medicine", "level": 0}, {"display_name": "Psychiatry", "level": 1},
                   {"display_name": "Insomnia", "level": 3}],
      "authorships": [{"author": {"display_name": "Kari Nordmann", "orcid": null},
                       "institutions": [], "raw_affiliation_string": "University of Oslo, Norway"}]
    },
    {
      "id": "https://openalex.org/W2",
      "title": "A broken record",
      "publication_year": "two thousand",
      "authorships": []
    },
    {
      "id": "https://openalex.org/W3",
      "title": "Memory consolidation",
      "publication_year": 2020,
      "authorships": [{"author": {"display_name": "Ola Hansen"}, "institutions": []}]
    }
  ]
}
)");
  EXPECT_EQ(sniff_format(path), Format::openalex);
  CollectingSink sink;
  read_openalex(path, sink);
  ASSERT_EQ(sink.works.size(), 2u);
  const auto& w = sink.works[0];
  EXPECT_EQ(w.venue, "Journal of Sleep Research");
  EXPECT_EQ(w.categories, (std::vector<std::string>{"Medicine", "Psychiatry"}));
  ASSERT_EQ(w.authors.size(), 1u);
  EXPECT_EQ(w.authors[0].affiliation, "University of Oslo, Norway");
  EXPECT_EQ(sink.works[1].external_id, "openalex:W3");
  ASSERT_EQ(sink.issues.size(), 1u);
  EXPECT_EQ(sink.issues[0].line, 14u) << "the line the record starts on: " << sink.issues[0].reason;
  EXPECT_NE(sink.issues[0].reason.find("record 2"), std::string::npos);
  EXPECT_NE(sink.issues[0].reason.find("publication_year"), std::string::npos);
}

TEST(OpenAlexReader, ReadsAnArrayOnOneLine) {
  TempDir dir;
  auto path = dir.file("works.json", R"([{"id":"https://openalex.org/W1","title":"One","publication_year":2020,"authorships":[{"author":{"display_name":"A B"}}]},)"
                                     R"({"id":"https://openalex.org/W2","title":"Two","publication_year":2021,"authorships":[{"author":{"display_name":"C D"}}]}])");
  EXPECT_EQ(sniff_format(path), Format::openalex);
  CollectingSink sink;
  read_openalex(path, sink);
  EXPECT_EQ(sink.works.size(), 2u);
  EXPECT_TRUE(sink.issues.empty());
}

}  // namespace
}  // namespace bzpeer::ingest

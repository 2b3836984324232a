#include <gtest/gtest.h>

#include "search/query_check.hpp"
#include "search/schema.hpp"
#include "search/work_filter.hpp"

namespace bzpeer::search {
namespace {

std::string error_of(const std::string& query) {
  auto r = check_query(query);
  return r ? "" : r.error().message;
}

TEST(QueryCheck, AcceptsTextPhrasesFieldsAndTitleColons) {
  auto q = check_query(R"(author:"han hu"  swin   year:2021..2022 NOT detection)");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->fields, (std::vector<std::string>{"author", "year"}));
  EXPECT_TRUE(check_query("BERT: pre-training of deep transformers")) << "a colon before a space is text";
  EXPECT_TRUE(check_query("\"colon:inside quotes\""));
  auto stray = check_query("Parsing (with a twist");
  ASSERT_TRUE(stray);
  EXPECT_EQ(stray->text.find('('), std::string::npos) << "an unbalanced parenthesis is dropped, not an error";
}

TEST(QueryCheck, RejectsWhatAParserWouldSilentlyReinterpret) {
  EXPECT_NE(error_of("\"open phrase").find("unbalanced quote"), std::string::npos);
  EXPECT_NE(error_of("color:red").find("unknown field 'color:'"), std::string::npos);
  EXPECT_NE(error_of(std::string("a\x01") + "b").find("control character (0x01) at byte 2"), std::string::npos);
  EXPECT_NE(error_of(std::string(kMaxQueryBytes + 1, 'x')).find("at most"), std::string::npos);
  EXPECT_NE(error_of("\xff\xfe").find("UTF-8"), std::string::npos);
}

std::vector<std::int64_t> works_of_r7(model::ResearcherId id) {
  return id == 7 ? std::vector<std::int64_t>{3, 9} : std::vector<std::int64_t>{};
}

TEST(WorkFilter, BuildsTermsAndRanges) {
  auto f = parse_work_filter("publication_year:2019|2020,type:!article,author.id:R7", works_of_r7);
  ASSERT_TRUE(f);
  ASSERT_TRUE(f->has_value());
  std::string d = (*f)->get_description();
  EXPECT_NE(d.find("XY2019"), std::string::npos);
  EXPECT_NE(d.find("XY2020"), std::string::npos);
  EXPECT_NE(d.find("AND_NOT"), std::string::npos);
  EXPECT_NE(d.find("XTarticle"), std::string::npos);
  EXPECT_NE(d.find("Q3"), std::string::npos);
  EXPECT_NE(d.find("Q9"), std::string::npos);
  auto empty = parse_work_filter("", works_of_r7);
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->has_value());
}

TEST(WorkFilter, ErrorsNameTheFilterAndValue) {
  auto unknown = parse_work_filter("cited_by_count:>5", works_of_r7);
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown filter 'cited_by_count'"), std::string::npos);
  auto year = parse_work_filter("publication_year:>twenty", works_of_r7);
  ASSERT_FALSE(year);
  EXPECT_NE(year.error().message.find("publication_year: '>twenty'"), std::string::npos);
  EXPECT_FALSE(parse_work_filter("from_publication_date:2020-13-01", works_of_r7));
  EXPECT_FALSE(parse_work_filter("author.id:Bob", works_of_r7));
  EXPECT_FALSE(parse_work_filter("type", works_of_r7));
}

TEST(WorkSort, DefaultsAndErrors) {
  EXPECT_EQ(*parse_work_sort("", true), WorkSort::relevance);
  EXPECT_EQ(*parse_work_sort("", false), WorkSort::date_desc);
  EXPECT_EQ(*parse_work_sort("publication_year:asc", true), WorkSort::year_asc);
  EXPECT_FALSE(parse_work_sort("relevance_score", false));
  EXPECT_FALSE(parse_work_sort("publication_date:sideways", true));
}

TEST(Shards, EveryWorkKeepsItsIdAsTheInterleavedDocid) {
  for (std::int64_t id = 1; id < 50; ++id) {
    unsigned s = shard_of(id);
    Xapian::docid global = (local_docid(id) - 1) * kWorkShards + s + 1;
    EXPECT_EQ(global, static_cast<Xapian::docid>(id));
  }
}

}  // namespace
}  // namespace bzpeer::search

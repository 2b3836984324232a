#include <gtest/gtest.h>

#include <filesystem>

#include "search/query_check.hpp"
#include "search/champions.hpp"
#include "search/filter_query.hpp"
#include "search/schema.hpp"
#include "search/speller.hpp"
#include "search/work_filter.hpp"
#include "test_support.hpp"

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
  return id == model::ResearcherId(7) ? std::vector<std::int64_t>{3, 9} : std::vector<std::int64_t>{};
}

TEST(WorkFilter, BuildsTermsAndRanges) {
  auto f = parse_work_filter("publication_year:2019|2020,type:!article,author.id:R7", works_of_r7);
  ASSERT_TRUE(f);
  ASSERT_TRUE(f->has_value());
  std::string d = filter_query(**f).get_description();
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

TEST(Speller, OneEditCoversDropDoubleSwapAndReplace) {
  EXPECT_TRUE(within_one_edit("parsing", "parsing"));
  EXPECT_TRUE(within_one_edit("parsing", "parsng"));
  EXPECT_TRUE(within_one_edit("parsing", "parssing"));
  EXPECT_TRUE(within_one_edit("parsing", "prasing"));
  EXPECT_TRUE(within_one_edit("parsing", "parsinf"));
  EXPECT_TRUE(within_one_edit("parsing", "parsings"));
  EXPECT_FALSE(within_one_edit("parsing", "prasng"));
  EXPECT_FALSE(within_one_edit("parsing", "parse"));
  EXPECT_FALSE(within_one_edit("ab", "ba c"));
}

// A spelling dictionary on disk (the in-memory backend has none).
Xapian::WritableDatabase dictionary(const bzpeer::testing::TempDir& dir,
                                    std::initializer_list<std::pair<const char*, unsigned>> words) {
  Xapian::WritableDatabase db((dir.path() / "spelling").string(), Xapian::DB_CREATE);
  for (const auto& [word, count] : words) db.add_spelling(word, count);
  db.commit();
  return db;
}

TEST(Speller, PrefersTheMostFrequentWordOneEditAway) {
  bzpeer::testing::TempDir dir;
  auto db = dictionary(dir, {{"translation", 40}, {"translations", 5}, {"parsing", 30}, {"passing", 3}, {"tagger", 9}});
  Speller speller(db);
  EXPECT_EQ(speller.size(), 5u);
  EXPECT_EQ(speller.suggest("translaton"), "translation");
  EXPECT_EQ(speller.suggest("trnaslation"), "translation");
  EXPECT_EQ(speller.suggest("pasing"), "parsing") << "both are one edit away; parsing is more frequent";
  EXPECT_EQ(speller.suggest("taggger"), "tagger");
  EXPECT_EQ(speller.suggest("tagger"), "") << "a known word needs no correction";
}

TEST(Speller, FallsBackToTwoEditsAndGivesUpOnNoise) {
  bzpeer::testing::TempDir dir;
  auto db = dictionary(dir, {{"segmentation", 12}, {"semantic", 20}});
  Speller speller(db);
  EXPECT_EQ(speller.suggest("segmnetaton"), "segmentation") << "two edits: Xapian's suggester";
  EXPECT_EQ(speller.suggest("qqqqqq"), "");
}

// Two shards of `works` documents: every one has "common" (with a varying wdf and
// length), every seventh "rare".
std::string champion_test_index(const bzpeer::testing::TempDir& dir, int works, const std::string& revision) {
  std::string works_dir = (dir.path() / "works").string();
  std::filesystem::create_directories(works_dir);
  for (unsigned s = 0; s < kWorkShards; ++s) {
    Xapian::WritableDatabase db(shard_path(works_dir, s), Xapian::DB_CREATE_OR_OPEN);
    for (int id = 1; id <= works; ++id) {
      if (shard_of(id) != s) continue;
      Xapian::Document doc;
      doc.add_term("common", 1 + static_cast<Xapian::termcount>(id % 5));
      doc.add_term("filler", 1 + static_cast<Xapian::termcount>(id % 11));
      if (id % 7 == 0) doc.add_term("rare");
      db.replace_document(local_docid(id), doc);
    }
    db.set_metadata("works_revision", revision);
    db.commit();
  }
  return works_dir;
}

std::vector<std::pair<Xapian::docid, double>> top(const Xapian::Database& db, const Xapian::Query& q) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::vector<std::pair<Xapian::docid, double>> out;
  auto mset = enquire.get_mset(0, 10);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

TEST(Champions, ACommonWordRanksItsChampionsAsItsFullListDoes) {
  bzpeer::testing::TempDir dir;
  std::string works_dir = champion_test_index(dir, 400, "1");
  ASSERT_TRUE(write_champions(works_dir, /*min_freq=*/100));
  auto champions = Champions::load(works_dir);
  ASSERT_TRUE(champions);
  EXPECT_TRUE(champions->has("common"));
  EXPECT_FALSE(champions->has("rare")) << "57 works: walked in full";
  Xapian::Database works = open_works(works_dir);
  auto full = top(works, Xapian::Query("common"));
  auto through = top(works, champions->query("common", works));
  ASSERT_EQ(full.size(), 10u);
  ASSERT_EQ(through.size(), full.size());
  for (size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(through[i].first, full[i].first) << "rank " << i;
    EXPECT_NEAR(through[i].second, full[i].second, 1e-4) << "the same BM25 weight";
  }
  EXPECT_EQ(Champions::load(works_dir), champions) << "searchers share one copy";
}

TEST(Champions, ListsOfAnOlderRevisionAreNotUsed) {
  bzpeer::testing::TempDir dir;
  std::string works_dir = champion_test_index(dir, 300, "1");
  ASSERT_TRUE(write_champions(works_dir, 100));
  ASSERT_TRUE(Champions::load(works_dir));
  champion_test_index(dir, 320, "2");  // a build added works but has not rewritten the lists
  EXPECT_FALSE(Champions::load(works_dir));
  ASSERT_TRUE(write_champions(works_dir, 100));
  EXPECT_TRUE(Champions::load(works_dir));
}

}  // namespace
}  // namespace bzpeer::search

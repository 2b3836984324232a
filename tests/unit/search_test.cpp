#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "search/query_check.hpp"
#include "search/bm25.hpp"
#include "search/champions.hpp"
#include "search/filter_query.hpp"
#include "search/schema.hpp"
#include "search/speller.hpp"
#include "search/work_filter.hpp"
#include "search/works_shards.hpp"
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
  for (unsigned count : {1u, 2u, 3u, 8u}) {
    ShardLayout layout{count};
    for (std::int64_t id = 1; id < 50; ++id) {
      unsigned s = layout.shard_of(id);
      Xapian::docid global = (layout.local_docid(id) - 1) * count + s + 1;
      EXPECT_EQ(global, static_cast<Xapian::docid>(id)) << count << " shards";
    }
  }
}

TEST(Shards, LabelsAndUrlsAreParsedStrictly) {
  EXPECT_EQ(parse_shard_label(shard_label(2, 5)), std::make_pair(2u, 5u));
  EXPECT_FALSE(parse_shard_label("5/5"));
  EXPECT_FALSE(parse_shard_label("1/2x"));
  EXPECT_FALSE(parse_shard_label(""));
  auto urls = parse_shard_urls("tcp://10.0.0.7:7001,tcp://shard-b:7002");
  ASSERT_TRUE(urls);
  ASSERT_EQ(urls->size(), 2u);
  EXPECT_EQ((*urls)[0].host, "10.0.0.7");
  EXPECT_EQ((*urls)[1].port, 7002u);
  EXPECT_EQ((*urls)[1].url(), "tcp://shard-b:7002");
  for (const char* bad : {"", "http://a:1", "tcp://a", "tcp://a:0", "tcp://a:70000", "tcp://:80", "tcp://a:8x"}) {
    auto parsed = parse_shard_urls(bad);
    EXPECT_FALSE(parsed) << bad;
  }
  EXPECT_NE(parse_shard_urls("tcp://a:8x").error().message.find("tcp://a:8x"), std::string::npos) << "names the URL";
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

// A spelling dictionary on disk (the in-memory backend has none), copied into the
// metadata as a build does.
std::vector<Xapian::Database> dictionary(const bzpeer::testing::TempDir& dir,
                                         std::initializer_list<std::pair<const char*, unsigned>> words,
                                         const std::string& name = "spelling") {
  Xapian::WritableDatabase db((dir.path() / name).string(), Xapian::DB_CREATE);
  for (const auto& [word, count] : words) db.add_spelling(word, count);
  db.commit();
  write_spelling_dictionary(db);
  db.commit();
  return {db};
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
  EXPECT_TRUE(speller.knows("parsing"));
  EXPECT_TRUE(speller.knows("translations"));
  EXPECT_FALSE(speller.knows("translaton"));
  EXPECT_FALSE(speller.knows("pars")) << "a prefix of a word is not the word";
  EXPECT_FALSE(speller.knows("zzz"));
}

TEST(Speller, FallsBackToTwoEditsAndGivesUpOnNoise) {
  bzpeer::testing::TempDir dir;
  auto db = dictionary(dir, {{"segmentation", 12}, {"semantic", 20}});
  Speller speller(db);
  EXPECT_EQ(speller.suggest("segmnetaton"), "segmentation") << "two edits";
  EXPECT_EQ(speller.suggest("semnatc"), "semantic") << "a swap and a drop";
  EXPECT_EQ(speller.suggest("sxmantix"), "semantic") << "two letters replaced";
  EXPECT_EQ(speller.suggest("qqqqqq"), "");
  EXPECT_EQ(speller.suggest("smntc"), "") << "three edits";
}

TEST(Speller, ShardsDictionariesAddUp) {
  bzpeer::testing::TempDir dir;
  auto first = dictionary(dir, {{"parsing", 3}, {"tagger", 2}}, "a");
  auto second = dictionary(dir, {{"passing", 4}, {"tagger", 1}}, "b");
  std::vector<Xapian::Database> both{first[0], second[0]};
  Speller speller(both);
  EXPECT_EQ(speller.size(), 3u);
  EXPECT_EQ(speller.suggest("pasing"), "passing") << "4 against 3";
  auto more_parsing = dictionary(dir, {{"parsing", 2}}, "c");
  both.push_back(more_parsing[0]);
  EXPECT_EQ(Speller(both).suggest("pasing"), "parsing") << "3 + 2 against 4";
}

// Two shards of `works` documents: every one has "common" (with a varying wdf and
// length), every seventh "rare".
std::vector<Xapian::WritableDatabase> champion_test_index(const bzpeer::testing::TempDir& dir, int works) {
  std::string works_dir = (dir.path() / "works").string();
  std::filesystem::create_directories(works_dir);
  ShardLayout layout{2};
  std::vector<Xapian::WritableDatabase> shards;
  for (unsigned s = 0; s < layout.count; ++s) {
    Xapian::WritableDatabase db(shard_path(works_dir, s), Xapian::DB_CREATE_OR_OPEN);
    for (int id = 1; id <= works; ++id) {
      if (layout.shard_of(id) != s) continue;
      Xapian::Document doc;
      doc.add_term("common", 1 + static_cast<Xapian::termcount>(id % 5));
      doc.add_term("filler", 1 + static_cast<Xapian::termcount>(id % 11));
      if (id % 7 == 0) doc.add_term("rare");
      db.replace_document(layout.local_docid(id), doc);
    }
    db.commit();
    shards.push_back(db);
  }
  return shards;
}

std::vector<std::pair<Xapian::docid, double>> top(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount n = 10) {
  Xapian::Enquire enquire(db);
  enquire.set_query(q);
  std::vector<std::pair<Xapian::docid, double>> out;
  auto mset = enquire.get_mset(0, n);
  for (auto it = mset.begin(); it != mset.end(); ++it) out.emplace_back(*it, it.get_weight());
  return out;
}

std::vector<Xapian::Database> readers(const std::vector<Xapian::WritableDatabase>& shards) {
  return {shards.begin(), shards.end()};
}

Xapian::Database combined(const std::vector<Xapian::WritableDatabase>& shards) {
  Xapian::Database all;
  for (const auto& s : shards) all.add_database(s);
  return all;
}

// The best `n` of `scores`, as (docid, score), best first.
std::vector<std::pair<Xapian::docid, double>> best(const std::unordered_map<Xapian::docid, double>& scores, size_t n) {
  std::vector<std::pair<Xapian::docid, double>> out(scores.begin(), scores.end());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
  if (out.size() > n) out.resize(n);
  return out;
}

TEST(Champions, ACommonWordRanksItsChampionsAsItsFullListDoes) {
  bzpeer::testing::TempDir dir;
  auto shards = champion_test_index(dir, 2400);  // 1,200 a shard: 200 are not champions
  ASSERT_TRUE(write_champions(shards, /*min_freq=*/200));
  auto champions = Champions::load(readers(shards));
  ASSERT_TRUE(champions);
  EXPECT_TRUE(champions->has("common"));
  EXPECT_FALSE(champions->has("rare")) << "342 works, under 200 a shard: walked in full";
  Xapian::Database works = combined(shards);
  EXPECT_EQ(champions->termfreq("common"), works.get_termfreq("common"));
  std::unordered_map<Xapian::docid, double> scores;
  champions->add_scores("common", bm25::term_weight(works.get_doccount(), champions->termfreq("common")), scores);
  EXPECT_EQ(scores.size(), 2 * kChampionsPerTerm) << "each shard's champions";
  auto full = top(works, Xapian::Query("common"));
  auto through = best(scores, 10);
  ASSERT_EQ(full.size(), 10u);
  ASSERT_EQ(through.size(), full.size());
  for (size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(through[i].first, full[i].first) << "rank " << i << ": the same work, by its global docid";
    EXPECT_NEAR(through[i].second, full[i].second, 1e-5) << "the same BM25 weight";
  }
  EXPECT_EQ(Champions::load(readers(shards)), champions) << "searchers share one copy";
}

TEST(Champions, ListsFollowTheirShards) {
  bzpeer::testing::TempDir dir;
  auto shards = champion_test_index(dir, 300);
  ASSERT_TRUE(write_champions(shards, 100));
  auto first = Champions::load(readers(shards));
  ASSERT_TRUE(first);
  ASSERT_TRUE(write_champions(shards, 100));
  EXPECT_NE(Champions::load(readers(shards)), first) << "rewritten lists are read again";
  ASSERT_TRUE(write_champions(shards, 200));  // the threshold rises above every word
  EXPECT_FALSE(Champions::load(readers(shards))) << "no common words, no lists";
}

TEST(Champions, ShardsBetweenTwoWritesOrDamagedAreNotUsed) {
  bzpeer::testing::TempDir dir;
  auto shards = champion_test_index(dir, 300);
  ASSERT_TRUE(write_champions(shards, 100));
  shards[1].set_metadata(meta::champions_stamp, "older");  // as if a build stopped between the shards
  shards[1].commit();
  EXPECT_FALSE(Champions::load(readers(shards)));
  ASSERT_TRUE(write_champions(shards, 100));
  std::string lists = shards[0].get_metadata(meta::champions);
  shards[0].set_metadata(meta::champions, lists.substr(0, lists.size() / 2));
  shards[0].commit();
  EXPECT_FALSE(Champions::load(readers(shards))) << "a cut list";
}

}  // namespace
}  // namespace bzpeer::search

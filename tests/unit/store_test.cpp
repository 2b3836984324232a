#include <gtest/gtest.h>

#include <map>
#include <set>

#include "store/postgres/pg_connection.hpp"
#include "store/profile_codec.hpp"
#include "store/sql/authorship_key.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_catalog.hpp"
#include "test_backends.hpp"
#include "test_support.hpp"

namespace bzpeer::store {
namespace {

using bzpeer::testing::R;

using testing::TempDir;

class Catalogs : public testing::OnBothBackends {};
INSTANTIATE_TEST_SUITE_P(Backends, Catalogs, ::testing::Values(testing::Backend::sqlite, testing::Backend::postgresql),
                         testing::backend_name);

model::Work work(const std::string& id, const std::string& title, std::vector<std::string> authors) {
  model::Work w;
  w.external_id = id;
  w.source = "arXiv";
  w.type = "preprint";
  w.title = title;
  w.year = 2020;
  w.date = "2020-01-01";
  for (size_t i = 0; i < authors.size(); ++i) {
    model::Authorship a;
    a.position = static_cast<int>(i);
    a.raw_name = authors[i];
    a.last = authors[i];
    w.authors.push_back(a);
  }
  return w;
}

size_t authorship_count(Catalog& catalog) {
  size_t n = 0;
  EXPECT_TRUE(catalog.identity().for_each_authorship([&](AuthorshipRow&&) { ++n; }).ok());
  return n;
}

TEST_P(Catalogs, UpsertIsIdempotentAndUpdatesChangedRecords) {
  auto catalog = open_catalog(catalog_location());
  ASSERT_TRUE(catalog.ok());
  std::vector<model::Work> batch = {work("a:1", "One", {"X", "Y", "Z"}), work("a:2", "Two", {"X"})};
  auto first = (*catalog)->writer().upsert_works(batch);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->inserted, 2u);

  auto again = (*catalog)->writer().upsert_works(batch);
  EXPECT_EQ(again->inserted, 0u);
  EXPECT_EQ(again->unchanged, 2u);
  EXPECT_EQ((*catalog)->reader().work_count().value(), 2u);
  EXPECT_EQ(authorship_count(**catalog), 4u);

  // A corrected record replaces the old one: fewer authors, new title; ids are kept.
  std::vector<model::AuthorshipId> ids_before;
  EXPECT_TRUE((*catalog)->identity().for_each_authorship([&](AuthorshipRow&& r) { ids_before.push_back(r.id); }).ok());
  auto changed = (*catalog)->writer().upsert_works({work("a:1", "One, revised", {"X", "Y"})});
  EXPECT_EQ(changed->updated, 1u);
  EXPECT_EQ((*catalog)->reader().work_count().value(), 2u);
  std::vector<model::AuthorshipId> ids_after;
  EXPECT_TRUE((*catalog)->identity().for_each_authorship([&](AuthorshipRow&& r) { ids_after.push_back(r.id); }).ok());
  ASSERT_EQ(ids_after.size(), 3u);
  EXPECT_EQ(ids_after[0], ids_before[0]);
  std::string title;
  EXPECT_TRUE((*catalog)->identity().for_each_work([&](WorkRow&& w) {
    if (w.external_id == "a:1") title = w.title;
  }).ok());
  EXPECT_EQ(title, "One, revised");

  // Every authorship belongs to a stored work (PostgreSQL keeps no foreign key for it:
  // the writer's one statement does), also after a revision with more authors.
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("a:2", "Two, revised", {"X", "W", "V"}), work("a:3", "Three", {"U"})}));
  std::set<std::int64_t> works;
  EXPECT_TRUE((*catalog)->identity().for_each_work([&](WorkRow&& w) { works.insert(w.id); }).ok());
  size_t authorships = 0;
  EXPECT_TRUE((*catalog)->identity().for_each_authorship([&](AuthorshipRow&& r) {
    ++authorships;
    EXPECT_TRUE(works.count(r.work_id)) << "authorship " << r.id.value() << " of missing work " << r.work_id;
  }).ok());
  EXPECT_EQ(authorships, 6u);
}

// A batch of only new works is copied in whole on PostgreSQL, a mixed one merged; both
// give new works their ids in the batch's order, as SQLite does, and keep every byte of
// their text (COPY escapes tabs, newlines and backslashes).
TEST_P(Catalogs, NewWorksTakeIdsInBatchOrderWhicheverWayTheyAreWritten) {
  auto catalog = open_catalog(catalog_location());
  ASSERT_TRUE(catalog.ok());
  auto tricky = work("b:3", "Tabs\there, a\nnewline, a \\ backslash", {"Q\tR", "S"});
  tricky.abstract = "line one\nline two\r\n\\N is not null";
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("b:2", "Two", {"X"}), work("b:1", "One", {"Y", "Z"}), tricky}));
  // Mixed: one known (changed), two new.
  auto mixed = (*catalog)->writer().upsert_works({work("b:5", "Five", {"X"}), work("b:1", "One, again", {"Y"}), work("b:4", "Four", {"W"})});
  ASSERT_TRUE(mixed.ok());
  EXPECT_EQ(mixed->inserted, 2u);
  EXPECT_EQ(mixed->updated, 1u);
  std::map<std::string, std::int64_t> ids;
  std::map<std::string, WorkRow> rows;
  EXPECT_TRUE((*catalog)->identity().for_each_work([&](WorkRow&& w) {
    ids[w.external_id] = w.id;
    rows[w.external_id] = std::move(w);
  }).ok());
  EXPECT_EQ(ids, (std::map<std::string, std::int64_t>{{"b:2", 1}, {"b:1", 2}, {"b:3", 3}, {"b:5", 4}, {"b:4", 5}}));
  EXPECT_EQ(rows["b:3"].title, tricky.title);
  EXPECT_EQ(rows["b:3"].abstract, tricky.abstract);
  std::map<std::int64_t, std::string> names;
  EXPECT_TRUE((*catalog)->identity().for_each_authorship([&](AuthorshipRow&& r) { names[r.id.value()] = r.raw_name; }).ok());
  EXPECT_EQ(names[sql::authorship_key(3, 0).value()], "Q\tR");
  EXPECT_EQ(names.size(), 6u) << "b:1 kept one of its two authors";
}

TEST_P(Catalogs, KeepsWhatAWorkCites) {
  auto catalog = open_catalog(catalog_location());
  auto citing = work("a:1", "One", {"X"});
  citing.cited = {"a:2", "a:3"};
  ASSERT_TRUE((*catalog)->writer().upsert_works({citing, work("a:2", "Two", {"X"})}).ok());
  std::map<std::string, std::vector<std::string>> cited;
  EXPECT_TRUE((*catalog)->identity().for_each_work([&](WorkRow&& w) { cited[w.external_id] = w.cited; }).ok());
  EXPECT_EQ(cited["a:1"], (std::vector<std::string>{"a:2", "a:3"}));
  EXPECT_TRUE(cited["a:2"].empty());
  // A changed reference list is a changed record.
  citing.cited = {"a:2"};
  EXPECT_EQ((*catalog)->writer().upsert_works({citing})->updated, 1u);
}

TEST_P(Catalogs, DataSurvivesReopening) {
  {
    auto catalog = open_catalog(catalog_location());
    ASSERT_TRUE((*catalog)->writer().upsert_works({work("a:1", "One", {"X"})}).ok());
  }
  auto reopened = open_catalog(catalog_location(), /*read_only=*/true);
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->reader().work_count().value(), 1u);
}

TEST(SqliteCatalog, ReadOnlyOpenOfAMissingCatalogIsAClearError) {
  TempDir dir;
  auto catalog = open_catalog((dir.path() / "none").string(), /*read_only=*/true);
  ASSERT_FALSE(catalog.ok());
  EXPECT_EQ(catalog.error().code, ErrorCode::not_found);
  EXPECT_NE(catalog.error().message.find("bzpeer ingest"), std::string::npos);
}

TEST(SqliteCatalog, MigratesAnOlderSchemaKeepingItsData) {
  TempDir dir;
  auto path = (dir.path() / "catalog.sqlite").string();
  {
    auto old = sqlite::open_sqlite_catalog(path, false, /*schema_target=*/1);
    EXPECT_EQ(old->schema_version(), 1);
  }
  {
    // Rows as the version-1 code wrote them (today's writer needs later columns).
    auto db = sqlite::open_connection(path);
    db->exec("INSERT INTO works(id, external_id, source, type, title, year, content_hash) "
            "VALUES (1, 'a:1', 'test', 'article', 'Kept', 2020, 0);"
            "INSERT INTO authorships(id, work_id, position, raw_name) VALUES (8192, 1, 0, 'X');");
  }
  auto current = open_catalog(dir.path().string());
  ASSERT_TRUE(current.ok());
  EXPECT_EQ((*current)->schema_version(), sqlite::latest_schema_version());
  EXPECT_EQ((*current)->reader().work_count().value(), 1u);
  // The tables added by later migrations work.
  ResearcherAssignment assignment;
  assignment.researchers.push_back({R(7), "X", "x"});
  EXPECT_TRUE((*current)->identity().for_each_authorship([&](AuthorshipRow&& r) { assignment.authorship_to_researcher.emplace_back(r.id, R(7)); }).ok());
  ASSERT_TRUE((*current)->identity().save_assignment(assignment).ok());
  auto works = (*current)->reader().researcher_works(R(7), {1, 20}, false, {}).value();
  ASSERT_EQ(works.size(), 1u);
  EXPECT_EQ(works[0].title, "Kept");
}

// Each attribution keeps its explanation and strength; the works tied on weak evidence
// can be counted and listed alone.
TEST_P(Catalogs, AttributionsAndTheirStrength) {
  auto catalog = open_catalog(catalog_location());
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("a:1", "Firm", {"X", "Y"}), work("a:2", "Doubtful", {"X"}),
                                        work("a:3", "Other", {"X"})}).ok());
  ResearcherAssignment assignment;
  assignment.researchers = {{R(4), "X", "x"}, {R(5), "Y", "y"}, {R(6), "X", "x"}};
  EXPECT_TRUE((*catalog)->identity().for_each_authorship([&](AuthorshipRow&& r) {
    model::ResearcherId who = r.position == 1 ? R(5) : r.work_id == 3 ? R(6) : R(4);
    assignment.authorship_to_researcher.emplace_back(r.id, who);
    // Y's slot on the firm work is weak for Y, and must not make the work weak for X.
    bool weak = r.work_id == 2 || r.position == 1;
    assignment.attributions.push_back(
        {"why " + std::to_string(r.id.value()), weak ? model::AttributionStrength::weak : model::AttributionStrength::strong});
  }).ok());
  ASSERT_TRUE((*catalog)->identity().save_assignment(assignment).ok());
  EXPECT_EQ((*catalog)->reader().weak_work_count(R(4), {}).value(), 1);
  auto all = (*catalog)->reader().researcher_works(R(4), {1, 20}, false, {}).value();
  ASSERT_EQ(all.size(), 2u);
  for (const auto& w : all) {
    EXPECT_EQ(w.attribution_strength, w.title == "Doubtful" ? model::AttributionStrength::weak : model::AttributionStrength::strong) << w.title;
    EXPECT_EQ(w.attribution.rfind("why ", 0), 0u);
  }
  auto weak = (*catalog)->reader().researcher_works(R(4), {1, 20}, true, {}).value();
  ASSERT_EQ(weak.size(), 1u);
  EXPECT_EQ(weak[0].title, "Doubtful");
  EXPECT_EQ((*catalog)->reader().weak_work_count(R(5), {}).value(), 1);
  EXPECT_EQ((*catalog)->reader().weak_work_count(R(6), {}).value(), 0);
  // The build's count travels with the profile (a page reads it without probing works).
  EXPECT_EQ((*catalog)->reader().profile(R(4)).value()->weak_works, 1);
  EXPECT_EQ((*catalog)->reader().profile(R(5)).value()->weak_works, 1);
  EXPECT_EQ((*catalog)->reader().profile(R(6)).value()->weak_works, 0);
  // Once the owner has confirmed or removed the doubtful work, it is no longer one to check;
  // settling some other work changes nothing.
  EXPECT_EQ((*catalog)->reader().weak_work_count(R(4), {weak[0].id}).value(), 0);
  EXPECT_TRUE((*catalog)->reader().researcher_works(R(4), {1, 20}, true, {weak[0].id}).value().empty());
  EXPECT_EQ((*catalog)->reader().weak_work_count(R(4), {weak[0].id + 100}).value(), 1);
  EXPECT_EQ((*catalog)->reader().researcher_works(R(4), {1, 20}, false, {weak[0].id}).value().size(), 2u);
}

TEST_P(Catalogs, RedirectsFollowChainsOfMerges) {
  auto catalog = open_catalog(catalog_location());
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("a:1", "One", {"X"})}).ok());
  ResearcherAssignment first;
  first.researchers.push_back({R(3), "X", "x"});
  first.redirects = {{R(1), R(3)}};
  ASSERT_TRUE((*catalog)->identity().save_assignment(first).ok());
  EXPECT_EQ((*catalog)->reader().redirect(R(1)).value(), R(3));
  ResearcherAssignment second;
  second.researchers.push_back({R(9), "X", "x"});
  second.redirects = {{R(3), R(9)}};
  ASSERT_TRUE((*catalog)->identity().save_assignment(second).ok());
  EXPECT_EQ((*catalog)->reader().redirect(R(1)).value(), R(9));  // R1 -> R3 -> R9 resolves in one step
  EXPECT_EQ((*catalog)->reader().redirect(R(3)).value(), R(9));
  EXPECT_FALSE((*catalog)->reader().redirect(R(9)).value().has_value());
}

TEST(ProfileCodec, RoundTrips) {
  model::ResearcherProfile p;
  p.display_name = "Ada";
  p.tagline = "Ada works on engines.";
  p.works_count = 3;
  p.topics = {{"topic:engines", "engines", 2.5, 2}};
  p.trust = {21, "Emerging", {{"verification", "Identity verification", 6, 45, "L1"}}};
  p.graph.papers = 9;
  p.graph.top_people = {{"R2", "Bob", 1.0, 1}};
  auto q = decode_profile(encode_profile(p));
  EXPECT_EQ(q.tagline, p.tagline);
  EXPECT_EQ(q.topics.size(), 1u);
  EXPECT_EQ(q.topics[0].name, "engines");
  EXPECT_EQ(q.trust.score, 21);
  EXPECT_EQ(q.trust.breakdown[0].max_points, 45);
  EXPECT_EQ(q.graph.papers, 9);
  EXPECT_EQ(q.graph.top_people[0].id, "R2");
  EXPECT_EQ(decode_profile("not json").verification_level, model::VerificationLevel::L1);
}

}  // namespace
}  // namespace bzpeer::store

namespace bzpeer::store {
namespace {

using bzpeer::testing::R;

TEST_P(Catalogs, WorksSinceARevisionAreExactlyTheChangedOnes) {
  auto catalog = open_catalog(catalog_location());
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("a:1", "One", {"X"}), work("a:2", "Two", {"Y"})}).ok());
  std::int64_t seen = (*catalog)->index_source().works_revision().value();
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("a:1", "One", {"X"}), work("a:2", "Two, revised", {"Y", "Z"}),
                                        work("a:3", "Three", {"Z"})}).ok());
  std::vector<std::string> changed;
  EXPECT_TRUE((*catalog)->index_source().for_each_work_since(seen, [&](WorkSummary&& w) { changed.push_back(w.title + "/" + std::to_string(w.authors.size())); }).ok());
  EXPECT_EQ(changed, (std::vector<std::string>{"Two, revised/2", "Three/1"}));
  std::vector<std::string> all;
  EXPECT_TRUE((*catalog)->index_source().for_each_work_since(-1, [&](WorkSummary&& w) { all.push_back(w.title); }).ok());
  EXPECT_EQ(all.size(), 3u);
  auto by_id = (*catalog)->reader().works_by_ids({3, 999, 1}).value();
  ASSERT_EQ(by_id.size(), 2u);
  EXPECT_EQ(by_id[0].title, "Three");
  EXPECT_EQ(by_id[1].title, "One");
}

}  // namespace
}  // namespace bzpeer::store

#include "store/account_store.hpp"

namespace bzpeer::store {
namespace {

using bzpeer::testing::R;

// A catalog, its account store, and two accounts: Ada and Bob.
class CatalogAccounts : public Catalogs {
 protected:
  void SetUp() override {
    Catalogs::SetUp();
    if (IsSkipped()) return;
    auto opened = open_catalog(catalog_location());
    auto store = open_account_store(catalog_location());
    ASSERT_TRUE(opened && store);
    catalog_ = std::move(*opened);
    accounts_ = std::move(*store);
    auto a = accounts_->create_account("ada@example.org", "x", "Ada", 1);
    auto b = accounts_->create_account("bob@example.org", "x", "Bob", 1);
    ASSERT_TRUE(a && b);
    ada_ = a->id;
    bob_ = b->id;
  }
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<AccountStore> accounts_;
  model::AccountId ada_, bob_;
};
INSTANTIATE_TEST_SUITE_P(Backends, CatalogAccounts, ::testing::Values(testing::Backend::sqlite, testing::Backend::postgresql),
                         testing::backend_name);

TEST_P(CatalogAccounts, AMergeMovesClaimsAndFollowsToTheSurvivingResearcher) {
  ASSERT_TRUE(accounts_->save_claim({R(2), ada_, model::VerificationLevel::L2, "verified email", true, 1}));
  ASSERT_TRUE(accounts_->save_claim({R(3), bob_, model::VerificationLevel::L2, "verified email", true, 1}));
  ASSERT_TRUE(accounts_->follow(bob_, "R2", 1));
  ResearcherAssignment merge;
  merge.researchers.push_back({R(1), "Ada", "ada"});
  merge.redirects = {{R(2), R(1)}, {R(3), R(1)}};
  ASSERT_TRUE(catalog_->identity().save_assignment(merge));
  auto claim = accounts_->claim_of_researcher(R(1));
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->account, ada_) << "the first claim moves with the merge";
  EXPECT_FALSE(accounts_->claim_of_researcher(R(3)));
  auto disputes = accounts_->open_disputes();
  ASSERT_EQ(disputes.size(), 1u) << "the second claimant's claim becomes a dispute";
  EXPECT_EQ(disputes[0].claimant, bob_);
  EXPECT_EQ(accounts_->followers("R1"), 1);
  EXPECT_EQ(accounts_->followers("R2"), 0);
}

// A profile's account facts come in one read: the claim, followers (of this researcher
// only) and the claimant's corrections in work order; a researcher nobody touched has none.
TEST_P(CatalogAccounts, AResearchersAccountStateIsOneRead) {
  ASSERT_TRUE(accounts_->save_claim({R(2), ada_, model::VerificationLevel::L3, "ORCID", false, 5}));
  ASSERT_TRUE(accounts_->follow(ada_, "R2", 1));
  ASSERT_TRUE(accounts_->follow(bob_, "R2", 1));
  ASSERT_TRUE(accounts_->follow(bob_, "R3", 1));
  ASSERT_TRUE(accounts_->save_correction({R(2), 9, model::CorrectionAction::remove}, ada_, 2));
  ASSERT_TRUE(accounts_->save_correction({R(2), 4, model::CorrectionAction::confirm}, ada_, 2));
  ASSERT_TRUE(accounts_->save_correction({R(3), 4, model::CorrectionAction::remove}, ada_, 2));
  auto state = accounts_->researcher_state(R(2));
  ASSERT_TRUE(state.claim);
  EXPECT_EQ(state.claim->account, ada_);
  EXPECT_EQ(state.claim->level, model::VerificationLevel::L3);
  EXPECT_EQ(state.claim->evidence, "ORCID");
  EXPECT_FALSE(state.claim->open_to_collaborate);
  EXPECT_EQ(state.followers, 2);
  ASSERT_EQ(state.corrections.size(), 2u);
  EXPECT_EQ(state.corrections[0].work_id, 4);
  EXPECT_EQ(state.corrections[0].action, model::CorrectionAction::confirm);
  EXPECT_EQ(state.corrections[1].work_id, 9);
  EXPECT_EQ(state.corrections[1].action, model::CorrectionAction::remove);
  auto untouched = accounts_->researcher_state(R(8));
  EXPECT_FALSE(untouched.claim);
  EXPECT_EQ(untouched.followers, 0);
  EXPECT_TRUE(untouched.corrections.empty());
}

// The PostgreSQL connection takes the faces' SQLite-style placeholders: `?N` keeps its
// number, a bare `?` takes the next one, and a `?` inside a literal is text.
TEST(PostgresPlaceholders, NumberedBareAndQuoted) {
  auto out = postgres::to_dollar_placeholders("SELECT '?', \"a?\" FROM t WHERE a = ?2 AND b = ?1 OR c = ? LIMIT ?");
  EXPECT_EQ(out.sql, "SELECT '?', \"a?\" FROM t WHERE a = $2 AND b = $1 OR c = $3 LIMIT $4");
  EXPECT_EQ(out.parameters, 4);
  EXPECT_EQ(postgres::to_dollar_placeholders("x BETWEEN ?1 AND ?1 + 8192").sql, "x BETWEEN $1 AND $1 + 8192");
}

}  // namespace
}  // namespace bzpeer::store

// The site's handlers through its route table, without a socket: the same table the
// server mounts, over a catalog, indexes and graph built from a handful of works.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <atomic>
#include <thread>
#include <map>
#include <set>

#include "accounts/smtp_mailer.hpp"
#include "http/routes.hpp"
#include "search/searcher.hpp"
#include "store/account_store.hpp"
#include "small_site.hpp"
#include "test_support.hpp"

namespace bzpeer::http {
namespace {

using nlohmann::json;

// A built data directory and the server's dependencies over it.
class Site : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string data = dir_.path().string();
    auto built = bzpeer::testing::build_small_site(data);
    ASSERT_TRUE(built) << built.error().message;
    auto store = store::open_account_store(data);
    ASSERT_TRUE(store);
    auto mailer = accounts::make_mailer(data, "");
    ASSERT_TRUE(mailer);
    catalogs_ = std::make_unique<CatalogPool>(data);
    searchers_ = std::make_unique<SearcherPool>(search::SearchPlace{data, {}, search::kRemoteTimeoutMs});
    graphs_ = std::make_unique<GraphPool>(data);
    accounts_ = std::make_unique<accounts::Accounts>(std::move(*store), std::move(*mailer), "http://bzpeer.test");
    deps_ = std::make_unique<Deps>(Deps{*catalogs_, *searchers_, *graphs_, *accounts_, feeds_});
    auto ann = catalogs_->reader().find_researchers("Ann Ant", /*prefix=*/false, 10);
    ASSERT_TRUE(ann);
    ASSERT_EQ(ann->size(), 1u);
    ann_ = model::format_researcher_id(ann->front().id);
  }

  httplib::Response call(const std::string& method, const std::string& path, const std::string& body = "",
                         const httplib::Headers& headers = {}, bool* matched = nullptr) {
    httplib::Headers all = headers;
    if (!body.empty() && !all.count("Content-Type")) all.emplace("Content-Type", "application/json");
    httplib::Request req = bzpeer::testing::site_request(method, path, body, std::move(all));
    httplib::Response res;
    const bool found = router_.dispatch(req, res, *deps_);
    if (matched) *matched = found;
    return res;
  }

  // Signs up and logs in; returns the cookie header and the CSRF token.
  std::pair<httplib::Headers, std::string> signed_in(const std::string& email) {
    const std::string credentials = json{{"email", email}, {"password", "a long enough password"}}.dump();
    EXPECT_EQ(call("POST", "/api/v1/signup", json{{"email", email}, {"password", "a long enough password"}, {"display_name", "Eve"}}.dump()).status, 202);
    auto login = call("POST", "/api/v1/login", credentials);
    EXPECT_EQ(login.status, 200) << login.body;
    std::string cookie = login.get_header_value("Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    return {{{"Cookie", cookie}}, json::parse(login.body).value("csrf_token", "")};
  }

  bzpeer::testing::TempDir dir_;
  Router router_{site_routes()};
  feed::FeedEngine feeds_;
  std::unique_ptr<CatalogPool> catalogs_;
  std::unique_ptr<SearcherPool> searchers_;
  std::unique_ptr<GraphPool> graphs_;
  std::unique_ptr<accounts::Accounts> accounts_;
  std::unique_ptr<Deps> deps_;
  std::string ann_;
};

TEST(RouteTable, EveryPatternCompilesAndNoRouteHidesAnother) {
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : site_routes()) {
    EXPECT_NE(r.handler, nullptr) << r.pattern;
    EXPECT_NO_THROW(std::regex(r.pattern)) << r.pattern;
    EXPECT_TRUE(seen.insert({method_name(r.method), r.pattern}).second) << "twice: " << r.pattern;
  }
  EXPECT_GT(seen.size(), 50u);
}

TEST_F(Site, AnUnknownPathMatchesNoRoute) {
  bool matched = true;
  call("GET", "/no/such/page", "", {}, &matched);
  EXPECT_FALSE(matched);
  call("DELETE", "/researchers/" + ann_, "", {}, &matched);  // a known path, not with this method
  EXPECT_FALSE(matched);
}

TEST_F(Site, ProfilePageShowsTheResearcherAndTheirWorks) {
  auto res = call("GET", "/researchers/" + ann_);
  ASSERT_EQ(res.status, 200);
  EXPECT_NE(res.body.find("Ann Ant"), std::string::npos);
  EXPECT_NE(res.body.find("Grammar induction from raw text"), std::string::npos);
  // Bob's work is no work of Ann's: it shows among the nearby ones, by its co-author.
  EXPECT_NE(res.body.find("<strong>2</strong> own works"), std::string::npos);
  EXPECT_NE(res.body.find("Speech tagging for small languages</a> <span class=\"muted\">· by Bob Bee"), std::string::npos);
  EXPECT_EQ(call("GET", "/researchers/R999999").status, 404);
  EXPECT_EQ(call("GET", "/researchers/not-an-id").status, 404);
  EXPECT_EQ(call("GET", "/researchers/" + ann_ + "?page=0").status, 400);
  EXPECT_EQ(call("GET", "/researchers/" + ann_ + "?page=9").status, 303);  // past the last page
}

TEST_F(Site, ResearcherApiAnswersJsonWithItsErrorsAsJson) {
  auto res = call("GET", "/api/v1/researchers/" + ann_);
  ASSERT_EQ(res.status, 200) << res.body;
  auto body = json::parse(res.body);
  EXPECT_EQ(body["display_name"], "Ann Ant");
  EXPECT_EQ(body["works_count"], 2);
  EXPECT_TRUE(body.contains("weak_works_count"));
  auto missing = call("GET", "/api/v1/researchers/R999999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(json::parse(missing.body)["error"]["status"], 404);
}

TEST_F(Site, SearchFindsTheWorkByItsWords) {
  auto res = call("GET", "/api/v1/works?search=grammar%20induction");
  ASSERT_EQ(res.status, 200) << res.body;
  auto body = json::parse(res.body);
  ASSERT_FALSE(body["results"].empty());
  EXPECT_EQ(body["results"][0]["title"], "Grammar induction from raw text");
  EXPECT_EQ(call("GET", "/api/v1/works?sort=nonsense").status, 400);
}

// Pages read their works from the catalog by id, so the searcher reads no document
// (one exchange a hit on a remote shard) unless titles are asked for.
TEST_F(Site, SearchReadsTitlesOnlyWhenAskedFor) {
  auto searcher = search::Searcher::open(dir_.path().string());
  ASSERT_TRUE(searcher) << searcher.error().message;
  search::WorkQuery q;
  q.text = "grammar induction";
  auto bare = (*searcher)->works(q);
  q.titles = true;
  auto titled = (*searcher)->works(q);
  ASSERT_TRUE(bare && titled);
  ASSERT_FALSE(bare->hits.empty());
  ASSERT_EQ(bare->hits.size(), titled->hits.size());
  for (size_t i = 0; i < bare->hits.size(); ++i) {
    EXPECT_EQ(bare->hits[i].id, titled->hits[i].id) << "the same ranking either way";
    EXPECT_TRUE(bare->hits[i].title.empty());
    EXPECT_FALSE(titled->hits[i].title.empty());
  }
  EXPECT_EQ(titled->hits[0].title, "Grammar induction from raw text");
}

TEST_F(Site, GraphApiGivesNeighboursAndTheCoauthorPath) {
  auto found = catalogs_->reader().find_researchers("Cid Cat", /*prefix=*/false, 10);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  const std::string cid = model::format_researcher_id(found->front().id);
  // Ann wrote with Bob, Bob with Cid: the chain is Ann, Bob, Cid.
  auto path = call("GET", "/api/v1/researchers/" + ann_ + "/path/" + cid);
  ASSERT_EQ(path.status, 200) << path.body;
  auto chain = json::parse(path.body);
  EXPECT_EQ(chain["length"], 2);
  ASSERT_EQ(chain["path"].size(), 3u);
  EXPECT_EQ(chain["path"][0]["id"], ann_);
  EXPECT_EQ(chain["path"][1]["label"], "Bob Bee");
  EXPECT_EQ(chain["path"][2]["id"], cid);
  EXPECT_EQ(call("GET", "/api/v1/researchers/R999999/path/" + cid).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/researchers/" + ann_ + "/path/nobody").status, 404);

  // Ann's neighbourhood: her works and her co-author, typed; her one co-authorship is with Bob.
  auto near = call("GET", "/api/v1/graph/neighbors?id=" + ann_ + "&types=researcher,work");
  ASSERT_EQ(near.status, 200) << near.body;
  const json slice = json::parse(near.body);
  std::map<std::string, std::string> label_of;
  for (const auto& n : slice["nodes"]) {
    EXPECT_TRUE(n["type"] == "researcher" || n["type"] == "work") << n;
    label_of[n["id"].get<std::string>()] = n["label"].get<std::string>();
  }
  std::set<std::string> labels;
  for (const auto& [id, label] : label_of) labels.insert(label);
  EXPECT_TRUE(labels.count("Bob Bee"));
  EXPECT_TRUE(labels.count("Parsing with neural grammars"));
  EXPECT_TRUE(labels.count("Grammar induction from raw text"));
  std::vector<std::string> coauthors;
  for (const auto& e : slice["edges"])
    if (e["type"] == "coauthorship" && (e["source"] == ann_ || e["target"] == ann_))
      coauthors.push_back(label_of[e["source"] == ann_ ? e["target"].get<std::string>() : e["source"].get<std::string>()]);
  EXPECT_EQ(coauthors, std::vector<std::string>{"Bob Bee"});
  EXPECT_EQ(call("GET", "/api/v1/graph/neighbors?id=" + ann_ + "&types=planet").status, 400);
  EXPECT_EQ(call("GET", "/api/v1/graph/neighbors?id=R999999").status, 404);
}

// Server threads search at once, each with its own searcher; a query of filters only
// (no words) once shared one Xapian object between them and crashed the server.
TEST_F(Site, FilterOnlySearchesFromManyThreadsAtOnce) {
  std::atomic<int> answered{0}, failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 1500; ++i) {
        auto res = call("GET", i % 2 ? "/api/v1/works?filter=publication_year:2021" : "/api/v1/works?group_by=type");
        (res.status == 200 ? answered : failed)++;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(answered.load(), 6000);
}

TEST_F(Site, WorkPageAndStaticFiles) {
  auto res = call("GET", "/works/W1");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(call("GET", "/works/W999999").status, 404);
  auto css = call("GET", "/static/style.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.get_header_value("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(call("GET", "/static/nothing.css").status, 404);
}

TEST_F(Site, WritesNeedASessionAndItsCsrfToken) {
  EXPECT_EQ(call("POST", "/api/v1/researchers/" + ann_ + "/follow").status, 401);
  auto [cookie, csrf] = signed_in("eve@example.org");
  ASSERT_FALSE(csrf.empty());
  EXPECT_EQ(call("POST", "/api/v1/researchers/" + ann_ + "/follow", "", cookie).status, 403);  // no token
  auto with_token = cookie;
  with_token.emplace("X-CSRF-Token", csrf);
  auto followed = call("POST", "/api/v1/researchers/" + ann_ + "/follow", "", with_token);
  ASSERT_EQ(followed.status, 200) << followed.body;
  EXPECT_EQ(json::parse(followed.body)["followers_count"], 1);
  auto me = json::parse(call("GET", "/api/v1/me", "", cookie).body);
  EXPECT_EQ(me["following"], json::array({ann_}));
  auto wrong = call("POST", "/api/v1/login", json{{"email", "eve@example.org"}, {"password", "not the password"}}.dump());
  EXPECT_EQ(wrong.status, 401);
}

}  // namespace
}  // namespace bzpeer::http

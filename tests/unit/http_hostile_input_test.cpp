// What a request can carry that must not end the process or leave the site.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/json_views.hpp"
#include "http/redirect_target.hpp"
#include "http/routes.hpp"

using bzpeer::http::same_origin_path;

TEST(SameOriginPath, KeepsLocalPaths) {
  EXPECT_EQ(same_origin_path("/researchers/R12?tab=works", "/"), "/researchers/R12?tab=works");
  EXPECT_EQ(same_origin_path("/", "/home"), "/");
}

TEST(SameOriginPath, RefusesWhatABrowserReadsAsAnotherOrigin) {
  EXPECT_EQ(same_origin_path("//evil.example", "/"), "/");
  EXPECT_EQ(same_origin_path("/\t/evil.example", "/"), "/");  // tabs are stripped: "//evil.example"
  EXPECT_EQ(same_origin_path("/\n/evil.example", "/"), "/");
  EXPECT_EQ(same_origin_path("/\\evil.example", "/"), "/");  // "\" reads as "/"
  EXPECT_EQ(same_origin_path("https://evil.example/", "/"), "/");
  EXPECT_EQ(same_origin_path("javascript:alert(1)", "/"), "/");
  EXPECT_EQ(same_origin_path(" /x", "/"), "/");
  EXPECT_EQ(same_origin_path("/" + std::string(400, 'a'), "/"), "/");
}

TEST(SendJson, BytesThatAreNotUtf8NeverThrow) {
  httplib::Response res;
  EXPECT_NO_THROW(bzpeer::http::send_json(res, 404, nlohmann::json{{"message", "No such page: /api/x\xff"}}));
  EXPECT_EQ(res.status, 404);
  EXPECT_NE(res.body.find("/api/x\xEF\xBF\xBD"), std::string::npos) << res.body;  // U+FFFD in its place
}

TEST(WorkJson, OnlyWebLinksArePassedOn) {
  bzpeer::store::WorkSummary w;
  w.id = 1;
  w.url = "javascript:alert(1)";
  EXPECT_EQ(bzpeer::http::work_json(w)["url"], "");
  w.url = "https://arxiv.org/abs/2101.00001";
  EXPECT_EQ(bzpeer::http::work_json(w)["url"], "https://arxiv.org/abs/2101.00001");
}

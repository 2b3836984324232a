// Helpers every page view shares.
#include <gtest/gtest.h>

#include "http/templates.hpp"

using bzpeer::http::work_link;

TEST(WorkLink, PrefersTheUrlThenTheDoi) {
  EXPECT_EQ(work_link("https://arxiv.org/abs/2111.09886", "10.1/x"), "https://arxiv.org/abs/2111.09886");
  EXPECT_EQ(work_link("", "10.18653/v1/P18-1001"), "https://doi.org/10.18653/v1/P18-1001");
}

TEST(WorkLink, NothingToLinkIsNoLink) {
  // An empty href would reload the page on a click.
  EXPECT_EQ(work_link("", ""), "");
}

TEST(WorkLink, OnlyWebSchemesBecomeLinks) {
  EXPECT_EQ(work_link("javascript:alert(1)", ""), "");
  EXPECT_EQ(work_link("data:text/html,<script>alert(1)</script>", ""), "");
  EXPECT_EQ(work_link("JAVASCRIPT:alert(1)", "10.1/x"), "");
  EXPECT_EQ(work_link("http://aclweb.org/anthology/P18-1001", ""), "http://aclweb.org/anthology/P18-1001");
}

TEST(Plural, GroupsThousands) {
  EXPECT_EQ(bzpeer::http::plural(1, "work"), "1 work");
  EXPECT_EQ(bzpeer::http::plural(50494, "work"), "50,494 works");
  EXPECT_EQ(bzpeer::http::grouped(1000000), "1,000,000");
  EXPECT_EQ(bzpeer::http::grouped(999), "999");
}

// The build's feed step: term counts stored beside the catalog, brought up to date by
// revision, and never trusted for a work whose text changed after they were counted.
#include <gtest/gtest.h>

#include "feed/term_vector.hpp"
#include "feed/work_terms_pass.hpp"
#include "store/catalog.hpp"
#include "test_support.hpp"

namespace bzpeer::feed {
namespace {

model::Work work(const std::string& id, const std::string& title, const std::string& abstract) {
  model::Work w;
  w.external_id = id;
  w.source = "arXiv";
  w.type = "preprint";
  w.title = title;
  w.abstract = abstract;
  w.year = 2021;
  w.date = "2021-11-11";
  w.categories = {"cs.CV", "cs.LG"};
  return w;
}

TEST(WorkTermsPass, CountsChangedWorksOnceAndDistrustsCountsOfAChangedText) {
  testing::TempDir dir;
  auto catalog = store::open_catalog(dir.path().string());
  ASSERT_TRUE(catalog);
  store::Catalog& c = **catalog;
  ASSERT_TRUE(c.writer().upsert_works({work("x:1", "Masked autoencoders", "Masked image modeling at scale."),
                              work("x:2", "Graph parsing", "Dependency graphs for parsing.")}));
  auto before = c.features().work_features({1, 2});
  ASSERT_TRUE(before);
  ASSERT_EQ(before->size(), 2u);
  EXPECT_FALSE((*before)[0].terms);  // no build yet
  EXPECT_EQ((*before)[0].categories, (std::vector<std::string>{"cs.CV", "cs.LG"}));
  EXPECT_EQ((*before)[0].date, "2021-11-11");

  auto first = update_work_terms(c.features(), c.index_source().works_revision().value());
  ASSERT_TRUE(first);
  EXPECT_EQ(first->works, 2u);
  auto stored = c.features().work_features({2, 1, 99});  // in the order asked, unknown left out
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->size(), 2u);
  EXPECT_EQ((*stored)[0].id, 2);
  ASSERT_TRUE((*stored)[0].terms);
  EXPECT_EQ(decode_terms(*(*stored)[0].terms)->counts,
            count_terms("Graph parsing", "Dependency graphs for parsing.").counts);

  auto again = update_work_terms(c.features(), c.index_source().works_revision().value());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->works, 0u);  // nothing changed since

  ASSERT_TRUE(c.writer().upsert_works({work("x:1", "Masked autoencoders, revised", "Now about video.")}));
  auto stale = c.features().work_features({1, 2});
  ASSERT_TRUE(stale);
  EXPECT_FALSE((*stale)[0].terms);  // counted from the old text: not to be used
  EXPECT_TRUE((*stale)[1].terms);
  auto third = update_work_terms(c.features(), c.index_source().works_revision().value());
  ASSERT_TRUE(third);
  EXPECT_EQ(third->works, 1u);
  auto fresh = c.features().work_features({1});
  ASSERT_TRUE(fresh && (*fresh)[0].terms);
  EXPECT_EQ(decode_terms(*(*fresh)[0].terms)->counts,
            count_terms("Masked autoencoders, revised", "Now about video.").counts);
}

}  // namespace
}  // namespace bzpeer::feed

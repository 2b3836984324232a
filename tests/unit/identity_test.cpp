#include <gtest/gtest.h>

#include "identity/disambiguator.hpp"
#include "identity/stable_ids.hpp"
#include "test_support.hpp"

namespace bzpeer::identity {
namespace {

using bzpeer::testing::R;

store::AuthorshipRow row(std::int64_t id, const std::string& first, const std::string& last,
                         std::int64_t previous = 0) {
  store::AuthorshipRow r;
  r.id = model::AuthorshipId(id);
  r.first = first;
  r.last = last;
  r.raw_name = first + " " + last;
  r.previous_researcher = model::ResearcherId(previous);
  return r;
}

TEST(NameKeyDisambiguator, GroupsFoldedFullNames) {
  std::vector<store::AuthorshipRow> rows = {row(1, "José", "Pérez"), row(2, "Jose", "PEREZ"), row(3, "Josh", "Perez"),
                                            row(4, "Han", "Hu")};
  auto clusters = make_name_key_disambiguator()->cluster(rows, {});
  ASSERT_EQ(clusters.size(), 3u);
  EXPECT_EQ(clusters[0], (std::vector<size_t>{0, 1}));
  EXPECT_EQ(clusters[1], (std::vector<size_t>{2}));
  EXPECT_EQ(name_key(rows[0]), "jose perez");
}

TEST(StableIds, RebuildingKeepsEveryId) {
  std::vector<store::AuthorshipRow> rows = {row(1, "A", "A", 5), row(2, "A", "A", 5), row(3, "B", "B", 2)};
  auto ids = assign_stable_ids(rows, {{0, 1}, {2}});
  EXPECT_EQ(ids, (std::vector<model::ResearcherId>{R(5), R(2)}));
}

TEST(StableIds, NewPeopleGetFreshIdsAboveAllSeen) {
  std::vector<store::AuthorshipRow> rows = {row(1, "A", "A", 5), row(2, "C", "C"), row(3, "A", "A")};
  auto ids = assign_stable_ids(rows, {{0, 2}, {1}});
  EXPECT_EQ(ids, (std::vector<model::ResearcherId>{R(5), R(6)}));
}

TEST(StableIds, ASplitKeepsTheIdOnTheLargerPart) {
  std::vector<store::AuthorshipRow> rows = {row(1, "H", "Hu", 3), row(2, "H", "Hu", 3), row(3, "H", "Hu", 3)};
  auto ids = assign_stable_ids(rows, {{0}, {1, 2}});
  EXPECT_EQ(ids[1], R(3));
  EXPECT_EQ(ids[0], R(4));
}

TEST(StableIds, AMergeKeepsTheIdOfTheLargerContributor) {
  std::vector<store::AuthorshipRow> rows = {row(1, "X", "Y", 9), row(2, "X", "Y", 4), row(3, "X", "Y", 4)};
  auto ids = assign_stable_ids(rows, {{0, 1, 2}});
  EXPECT_EQ(ids[0], R(4));
}

TEST(MergedIds, ARetiredIdRedirectsWhereMostOfItsWorkWent) {
  std::vector<store::AuthorshipRow> rows = {row(1, "H", "Hu", 3), row(2, "Han", "Hu", 4), row(3, "Han", "Hu", 4),
                                            row(4, "Han", "Hu", 5)};
  std::vector<std::vector<size_t>> clusters = {{0, 1, 2}, {3}};
  auto ids = assign_stable_ids(rows, clusters);
  EXPECT_EQ(ids[0], R(4));  // two of the merged cluster's authorships were R4's
  auto redirects = merged_ids(rows, clusters, ids);
  ASSERT_EQ(redirects.size(), 1u);
  EXPECT_EQ(redirects[0], (std::pair{R(3), R(4)}));
}

}  // namespace
}  // namespace bzpeer::identity

#include <gtest/gtest.h>

#include <fstream>

#include <algorithm>

#include "core/text.hpp"
#include "identity/attribution.hpp"
#include "identity/block_clustering.hpp"
#include "identity/eval/labelled_data.hpp"
#include "identity/metrics.hpp"
#include "identity_test_support.hpp"
#include "test_support.hpp"

namespace bzpeer::identity {
namespace {

using testing::simple_model;
using testing::work;

std::vector<size_t> cluster_sizes(const std::vector<std::vector<size_t>>& clusters) {
  std::vector<size_t> sizes;
  for (const auto& c : clusters) sizes.push_back(c.size());
  std::sort(sizes.rbegin(), sizes.rend());
  return sizes;
}

// Whether signatures `a` and `b` are in one cluster.
bool together(const std::vector<std::vector<size_t>>& clusters, size_t a, size_t b) {
  for (const auto& c : clusters)
    if (std::count(c.begin(), c.end(), a) && std::count(c.begin(), c.end(), b)) return true;
  return false;
}

// Unrelated works by "Wei Wang", each with a co-author of its own: they make a block
// large enough for the large-block path under the limits below.
void add_filler(std::vector<RawWork>& works) {
  for (int i = 0; i < 6; ++i)
    works.push_back(work("Filler topic " + std::to_string(i), {"Wei Wang", "Zed" + std::to_string(i) + " Q"}));
}

// Both clusterings: every pair scored, and the large-block (sparse) path.
std::vector<ClusteringLimits> dense_and_sparse() {
  ClusteringLimits sparse;
  sparse.dense_block = 4;
  return {ClusteringLimits{}, sparse};
}

TEST(BlockClustering, SharedCoauthorsJoinAndConflictingNamesStayApart) {
  EvidenceBuilder b;
  std::vector<RawWork> works = {work("Parsing with graphs", {"Wei Wang", "Ann Lee"}),
                                work("Graph parsing again", {"W. Wang", "Ann Lee"}),
                                work("Protein folding", {"Wei Wang", "Bo Chen"}),
                                work("Parsing with graphs", {"Wen Wang", "Cy Dunn"})};
  for (const auto& w : works) b.count_text(w.title, "");
  for (const auto& w : works) b.add_work(w, {0});
  auto set = b.take();
  auto clusters = cluster_all(set, simple_model());
  // Wei Wang and W. Wang share Ann Lee; Wen Wang's given name conflicts with Wei.
  EXPECT_EQ(cluster_sizes(clusters), (std::vector<size_t>{2, 1, 1}));
}

TEST(BlockClustering, PersonIdsAreMustLinkAndCannotLink) {
  EvidenceBuilder b;
  std::vector<RawWork> works = {work("Alpha", {"Kai Han"}, "p1"), work("Beta", {"Kai Han"}, "p1"),
                                work("Same words here", {"Kai Han"}, "p2"), work("Same words here", {"Kai Han"}, "p3")};
  for (const auto& w : works) b.count_text(w.title, "");
  for (const auto& w : works) b.add_work(w);
  auto set = b.take();
  auto clusters = cluster_all(set, simple_model());
  // p1's two works join despite nothing in common; p2 and p3 never join despite equal titles.
  EXPECT_EQ(cluster_sizes(clusters), (std::vector<size_t>{2, 1, 1}));
}

// The same ORCID iD or email is decisive: one person whatever else differs; two different
// ORCID iDs are two people whatever else they share. In small blocks and in large ones.
TEST(BlockClustering, OrcidAndEmailAreDecisive) {
  auto with = [](RawWork w, const std::string& orcid, const std::string& email) {
    w.authors[0].orcid = orcid;
    w.authors[0].email = email;
    return w;
  };
  std::vector<RawWork> works = {
      with(work("Graph parsing", {"Wei Wang", "Ann Lee"}), "0000-0001", ""),
      with(work("Protein folding", {"Wei Wang", "Bo Chen"}), "0000-0001", ""),  // nothing shared but the iD
      with(work("Graph parsing", {"Wei Wang", "Ann Lee"}), "0000-0002", ""),  // all shared but the iD
      with(work("Ocean currents", {"Wei Wang", "Cy Dunn"}), "", "wei@example.org"),
      with(work("Desert winds", {"Wei Wang", "Di Eng"}), "", "wei@example.org")};
  add_filler(works);
  auto set = testing::first_author_evidence(works);
  for (const auto& limits : dense_and_sparse()) {
    auto clusters = cluster_all(set, simple_model(), limits);
    EXPECT_TRUE(together(clusters, 0, 1)) << "same ORCID iD, dense_block " << limits.dense_block;
    EXPECT_FALSE(together(clusters, 0, 2)) << "different ORCID iDs, dense_block " << limits.dense_block;
    EXPECT_TRUE(together(clusters, 3, 4)) << "same email, dense_block " << limits.dense_block;
  }
}

// A work that cites another under the same name is as good as a shared co-author, even
// between two papers that list no co-authors (which the model otherwise leaves to the
// topic stage); the explanation says so.
TEST(BlockClustering, SelfCitationLinksTwoWorks) {
  auto cites = [](RawWork w, std::string id, std::vector<std::string> cited) {
    w.external_id = std::move(id);
    w.cited = std::move(cited);
    return w;
  };
  std::vector<RawWork> works = {cites(work("Ocean currents", {"Wei Wang"}), "x:1", {}),
                                cites(work("Desert winds", {"Wei Wang"}), "x:2", {"x:9", "x:1"}),
                                cites(work("Mountain snow", {"Wei Wang"}), "x:3", {"x:9"})};
  add_filler(works);
  auto set = testing::first_author_evidence(works);
  for (const auto& limits : dense_and_sparse()) {
    auto clusters = cluster_all(set, simple_model(), limits);
    EXPECT_TRUE(together(clusters, 0, 1)) << "the second cites the first, dense_block " << limits.dense_block;
    EXPECT_FALSE(together(clusters, 0, 2)) << "nothing links them, dense_block " << limits.dense_block;
    auto attributions = explain_attributions(set, clusters, simple_model());
    EXPECT_NE(attributions[1].explanation.find("one cites the other"), std::string::npos) << attributions[1].explanation;
  }
}

// Two people named Wei Wang, three papers each, tied by one shared co-author on one
// pair of papers. Strongest-link-first clustering chained them into one profile;
// average linkage weighs that one link against the eight pairs nothing links.
TEST(BlockClustering, OneLinkDoesNotChainTwoPeopleWithACommonName) {
  EvidenceBuilder b;
  std::vector<RawWork> works = {work("Graph parsing methods", {"Wei Wang", "Ann Lee"}),
                                work("Graph parsing methods", {"Wei Wang", "Ann Lee"}),
                                work("Graph parsing methods", {"Wei Wang", "Ann Lee", "Cy Dunn"}),
                                work("Protein folding dynamics", {"Wei Wang", "Bo Chen", "Cy Dunn"}),
                                work("Protein folding dynamics", {"Wei Wang", "Bo Chen"}),
                                work("Protein folding dynamics", {"Wei Wang", "Bo Chen"})};
  for (const auto& w : works) b.count_text(w.title, "");
  for (const auto& w : works) b.add_work(w, {0});
  auto set = b.take();
  PairModel model = simple_model();
  ClusteringLimits sparse;
  sparse.dense_block = 2;  // this block takes the large-block path
  for (const auto& limits : {ClusteringLimits{}, sparse}) {
    auto clusters = cluster_all(set, model, limits);
    ASSERT_EQ(cluster_sizes(clusters), (std::vector<size_t>{3, 3})) << "dense block: " << limits.dense_block;
    for (const auto& c : clusters) EXPECT_EQ(set.works[set.signatures[c[0]].work].title, set.works[set.signatures[c[1]].work].title);
  }
  // With a name the model takes for one person on its own, the same link is enough.
  model.weights[identity::kBias] = 4;
  EXPECT_EQ(cluster_sizes(cluster_all(set, model, sparse)), (std::vector<size_t>{6}));
}

// Papers without co-authors join by their words, also a cluster that holds one paper
// with co-authors: TinyMIM stays with SimMIM's author though it joined a co-authored
// paper first.
TEST(BlockClustering, SoloPapersJoinAClusterThatAlsoHasCoauthoredOnes) {
  EvidenceBuilder b;
  std::vector<RawWork> works = {work("Masked image modeling at scale", {"Han Hu"}),
                                work("Distilling masked image modeling models", {"Han Hu"}),
                                work("Distilling masked image modeling transformers", {"Han Hu", "Kai Han"}),
                                work("Energy efficient offloading in wireless networks", {"Han Hu"})};
  for (const auto& w : works) b.count_text(w.title, "");
  for (const auto& w : works) b.add_work(w, {0});
  auto set = b.take();
  auto clusters = cluster_all(set, simple_model());
  EXPECT_EQ(cluster_sizes(clusters), (std::vector<size_t>{3, 1}));
}

TEST(Metrics, B3AndPairwise) {
  auto perfect = score_clusters({"a", "a", "b"}, {"x", "x", "y"});
  EXPECT_DOUBLE_EQ(perfect.b3_f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.pairwise_f1, 1.0);
  auto lumped = score_clusters({"a", "a", "b"}, {"x", "x", "x"});
  EXPECT_NEAR(lumped.b3_precision, (2.0 / 3 + 2.0 / 3 + 1.0 / 3) / 3, 1e-12);
  EXPECT_DOUBLE_EQ(lumped.b3_recall, 1.0);
  EXPECT_NEAR(lumped.pairwise_precision, 1.0 / 3, 1e-12);
}

TEST(LabelledData, UfmgReportsTheBadLine) {
  testing::TempDir dir;
  auto path = dir.file("x_test_f0.txt", "1;1;a smith;b jones;title words;venue;2001\n2;1;a smith\n");
  auto set = load_ufmg(path);
  ASSERT_FALSE(set.ok());
  EXPECT_NE(set.error().message.find(path + ":2"), std::string::npos);
}

TEST(LabelledData, LoadsTheRealSets) {
  const std::string ufmg_path = testing::shared_data("ufmg-and/kisti/aagarwal_test_f0.txt");
  auto ufmg = load_ufmg(ufmg_path);
  ASSERT_TRUE(ufmg.ok());
  size_t records = 0;  // one citation a non-empty line of the file
  std::ifstream in(ufmg_path);
  for (std::string line; std::getline(in, line);) records += !line.empty();
  ASSERT_GT(records, 0u);
  EXPECT_EQ(ufmg->labels.size(), records);
  EXPECT_EQ(ufmg->evidence.signatures.size(), records);
  auto s2and = load_s2and(testing::shared_data("s2and-dummy"));
  ASSERT_TRUE(s2and.ok());
  EXPECT_EQ(s2and->labels.size(), 5u);
  for (const auto& s : s2and->evidence.signatures) EXPECT_TRUE(s.person_id.empty());  // labels are not evidence
}

TEST(LabelledData, SyntheticCorpusTakesItsPersonsFromTheTruthFile) {
  testing::TempDir dir;
  auto work = [](const char* id, const char* authors, const char* parsed) {
    return std::string("{\"id\":\"") + id + "\",\"authors\":\"" + authors +
           "\",\"title\":\"Parsing things\",\"categories\":\"cs.CL\",\"abstract\":\"words\","
           "\"versions\":[{\"version\":\"v1\",\"created\":\"Mon, 1 Jan 2024 10:00:00 GMT\"}],"
           "\"update_date\":\"2024-01-01\",\"authors_parsed\":" + parsed + "}\n";
  };
  auto corpus = dir.file("c.jsonl", work("2401.0000001", "Wei Wang and Anna Berg", "[[\"Wang\",\"Wei\",\"\"],[\"Berg\",\"Anna\",\"\"]]") +
                                        work("2401.0000002", "Wei Wang", "[[\"Wang\",\"Wei\",\"\"]]"));
  dir.file("c.jsonl.truth.tsv", "2401.0000001\t7,3\n2401.0000002\t9\n");
  auto set = load_synthetic(corpus);
  ASSERT_TRUE(set.ok()) << set.error().message;
  EXPECT_EQ(set->labels, (std::vector<std::string>{"person:7", "person:3", "person:9"}))
      << "two Wei Wangs who are different people";
  dir.file("c.jsonl.truth.tsv", "2401.0000001\t7\n2401.0000002\t9\n");
  auto short_truth = load_synthetic(corpus);
  ASSERT_FALSE(short_truth.ok());
  EXPECT_NE(short_truth.error().message.find("arxiv:2401.0000001"), std::string::npos);
}

// Explanations quote a work's title, shortened when long: the cut falls between
// characters, so what is stored stays text (PostgreSQL refuses anything else).
TEST(Evidence, ALongTitleIsShortenedBetweenCharacters) {
  EvidenceBuilder b;
  std::string title = std::string(156, 'a') + "\xc3\xa9t\xc3\xa9 " + std::string(40, 'b');  // "été" across the cut
  auto w = work(title, {"Ann Lee"});
  b.count_text(w.title, "");
  b.add_work(w);
  auto set = b.take();
  const std::string& shown = set.works.at(0).title;
  EXPECT_EQ(shown, std::string(156, 'a') + "...");
  EXPECT_EQ(text::utf8_prefix(shown, shown.size()), shown) << "a whole number of characters";
}

}  // namespace
}  // namespace bzpeer::identity

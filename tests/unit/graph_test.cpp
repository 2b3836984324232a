#include <gtest/gtest.h>

#include <map>
#include <set>

#include "graph/graph_builder.hpp"
#include "graph/slice.hpp"
#include "identity/disambiguator.hpp"
#include "identity/identity_pass.hpp"
#include "store/catalog.hpp"
#include "test_support.hpp"

namespace bzpeer::graph {
namespace {

model::Work work(const std::string& id, const std::string& venue, std::vector<std::pair<std::string, std::string>> authors) {
  model::Work w;
  w.external_id = id;
  w.source = "test";
  w.type = "article";
  w.title = "Title " + id;
  w.venue = venue;
  w.year = 2020;
  for (size_t i = 0; i < authors.size(); ++i) {
    model::Authorship a;
    a.position = static_cast<int>(i);
    a.raw_name = authors[i].first;
    a.affiliation = authors[i].second;
    w.authors.push_back(a);
  }
  return w;
}

TEST(ResearchGraph, SlicesAndCoauthorPathsOverTheBuiltFile) {
  bzpeer::testing::TempDir dir;
  auto catalog = store::open_catalog(dir.path().string());
  ASSERT_TRUE(catalog);
  // Ann writes with Bob twice and with Cid once; Cid writes with Dee: Ann-Cid-Dee.
  ASSERT_TRUE((*catalog)->writer().upsert_works({work("w1", "ACL", {{"Ann Ant", "Uni A"}, {"Bob Bee", ""}}),
                                        work("w2", "ACL", {{"Ann Ant", "Uni A"}, {"Bob Bee", ""}}),
                                        work("w3", "EMNLP", {{"Ann Ant", ""}, {"Cid Cat", ""}}),
                                        work("w4", "", {{"Cid Cat", ""}, {"Dee Dog", ""}})}));
  auto names = identity::make_name_key_disambiguator();
  ASSERT_TRUE(identity::run_identity((*catalog)->identity(), *names));
  std::string path = (dir.path() / "graph.bin").string();
  auto stats = build_graph((*catalog)->index_source(), path);
  ASSERT_TRUE(stats);
  auto g = GraphView::open(path);
  ASSERT_TRUE(g);
  std::map<std::string, std::uint32_t> by_name;
  for (std::uint32_t n = 0; n < (*g)->node_count(); ++n)
    if ((*g)->type(n) == NodeType::researcher) by_name[std::string((*g)->label(n))] = n;
  ASSERT_EQ(by_name.size(), 4u);
  EXPECT_EQ((*g)->find((*g)->public_id(by_name["Ann Ant"])), by_name["Ann Ant"]);
  EXPECT_TRUE((*g)->find("institution:Uni A"));
  EXPECT_TRUE((*g)->find("venue:ACL"));

  Slice s = slice(**g, by_name["Ann Ant"], {});
  ASSERT_FALSE(s.nodes.empty());
  EXPECT_EQ(s.nodes[0].node, by_name["Ann Ant"]);
  std::vector<std::string> people;
  double bob = 0, cid = 0;
  for (const auto& n : s.nodes)
    if ((*g)->type(n.node) == NodeType::researcher && n.node != by_name["Ann Ant"]) {
      people.push_back(std::string((*g)->label(n.node)));
      if (n.node == by_name["Bob Bee"]) bob = n.weight;
      if (n.node == by_name["Cid Cat"]) cid = n.weight;
    }
  EXPECT_GT(bob, cid) << "two shared works weigh more than one";
  bool institution = false;
  for (const auto& n : s.nodes) institution |= (*g)->type(n.node) == NodeType::institution;
  EXPECT_TRUE(institution);
  ASSERT_FALSE(s.edges.empty());
  for (const auto& e : s.edges) EXPECT_LT(e.source, e.target);

  SliceOptions only_people;
  only_people.types = {false, true, false, false, false};
  auto people_only = slice(**g, by_name["Ann Ant"], only_people);
  std::set<std::string> kept;
  for (const auto& n : people_only.nodes) {
    EXPECT_EQ((*g)->type(n.node), NodeType::researcher);
    kept.insert(std::string((*g)->label(n.node)));
  }
  EXPECT_TRUE(kept.count("Ann Ant") && kept.count("Bob Bee") && kept.count("Cid Cat")) << "her co-authors stay";

  auto path_nodes = coauthor_path(**g, by_name["Ann Ant"], by_name["Dee Dog"]);
  ASSERT_EQ(path_nodes.size(), 3u);
  EXPECT_EQ(path_nodes[1], by_name["Cid Cat"]);
  EXPECT_TRUE(coauthor_path(**g, by_name["Ann Ant"], by_name["Dee Dog"], 1).empty());
}

}  // namespace
}  // namespace bzpeer::graph

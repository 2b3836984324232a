#include "pages/institution_page.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace bzpeer::pages {

namespace {
constexpr size_t kResearchers = 30, kWorkAuthors = 10, kWorksEach = 5, kWorks = 20, kTopics = 12;
}

Result<std::optional<InstitutionPage>> institution_page(const std::string& id, store::CatalogReader& catalog,
                                                        const graph::GraphView& graph) {
  if (!id.starts_with("institution:")) return std::optional<InstitutionPage>();
  auto node = graph.find(id);
  if (!node || graph.type(*node) != graph::NodeType::institution) return std::optional<InstitutionPage>();
  InstitutionPage page;
  page.id = graph.public_id(*node);
  page.name = std::string(graph.label(*node));

  std::vector<std::uint32_t> people;
  auto n = graph.neighbours(*node);  // strongest first
  for (size_t i = 0; i < n.targets.size(); ++i) {
    if (graph.type(n.targets[i]) != graph::NodeType::researcher) continue;
    ++page.researchers_total;
    if (page.researchers.size() == kResearchers) continue;
    people.push_back(n.targets[i]);
    page.researchers.push_back({graph.public_id(n.targets[i]), std::string(graph.label(n.targets[i])),
                                static_cast<double>(n.weights[i]), static_cast<int>(n.weights[i])});
  }

  std::map<std::uint32_t, int> topic_people;
  for (std::uint32_t p : people) {
    auto m = graph.neighbours(p);
    for (size_t i = 0; i < m.targets.size(); ++i)
      if (graph.type(m.targets[i]) == graph::NodeType::topic) ++topic_people[m.targets[i]];
  }
  for (const auto& [t, count] : topic_people)
    page.topics.push_back({graph.public_id(t), std::string(graph.label(t)), static_cast<double>(count), count});
  std::stable_sort(page.topics.begin(), page.topics.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  if (page.topics.size() > kTopics) page.topics.resize(kTopics);

  std::vector<std::int64_t> ids;
  std::unordered_set<std::int64_t> seen;
  for (size_t i = 0; i < page.researchers.size() && i < kWorkAuthors; ++i) {
    auto theirs = catalog.researcher_work_ids(model::parse_researcher_id(page.researchers[i].id), kWorksEach);
    if (!theirs) return theirs.error();
    for (auto w : *theirs)
      if (seen.insert(w).second) ids.push_back(w);
  }
  auto listed = catalog.works_by_ids(ids);
  if (!listed) return listed.error();
  page.works = std::move(*listed);
  std::sort(page.works.begin(), page.works.end(), [](const auto& a, const auto& b) {
    return a.year != b.year ? a.year > b.year : a.date != b.date ? a.date > b.date : a.id > b.id;
  });
  if (page.works.size() > kWorks) page.works.resize(kWorks);
  return std::optional<InstitutionPage>(std::move(page));
}

}  // namespace bzpeer::pages

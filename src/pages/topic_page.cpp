#include "pages/topic_page.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "enrich/topic_miner.hpp"
#include "search/work_filter.hpp"

namespace bzpeer::pages {

namespace {

constexpr size_t kTopicResearchers = 20;

// "field:cs.CV" -> "Computer Vision"; "topic:masked image modeling" -> itself.
std::string label_of(const std::string& id) {
  if (id.starts_with("field:")) return enrich::field_label(id.substr(6));
  return id.substr(6);
}

}  // namespace

search::WorkQuery works_of_topic_query(const std::string& id) {
  search::WorkQuery q;
  if (id.starts_with("field:")) {
    auto filter = search::parse_work_filter("category:" + id.substr(6), [](model::ResearcherId) {
      return std::vector<std::int64_t>{};
    });
    if (filter && *filter) q.filter = **filter;
  } else {
    std::string phrase = id.substr(6);
    std::replace(phrase.begin(), phrase.end(), '"', ' ');
    q.text = "\"" + phrase + "\"";
  }
  return q;
}

Result<std::optional<TopicPage>> topic_page(const std::string& id, store::CatalogReader& catalog, search::Searcher& searcher,
                                            const graph::GraphView* graph, size_t works_limit) {
  if (!(id.starts_with("topic:") || id.starts_with("field:")) || id.size() < 7) return std::optional<TopicPage>{};
  TopicPage page;
  page.topic.id = id;
  page.topic.label = label_of(id);
  if (auto found = searcher.topics(page.topic.label, 0, 20))
    for (const auto& h : found->hits)
      if (text::fold(h.topic.id) == text::fold(id)) page.topic = h.topic;

  search::WorkQuery q = works_of_topic_query(id);
  if (id.starts_with("field:") && !q.filter) return std::optional<TopicPage>{};
  q.sort = search::WorkSort::date_desc;
  q.limit = works_limit;
  q.facets = {search::Facet::year};
  auto works = searcher.works(q);
  if (!works) return works.error();
  std::vector<std::int64_t> ids;
  for (const auto& h : works->hits) ids.push_back(h.id);
  auto listed = catalog.works_by_ids(ids);  // in the order asked
  if (!listed) return listed.error();
  page.works = std::move(*listed);
  page.works_total = works->total;
  page.works_total_exact = works->total_exact;
  if (!works->facets.empty())
    for (const auto& f : works->facets.front()) {
      const int year = std::atoi(f.value.c_str());  // facet values come decoded
      if (year > 0) page.by_year.push_back({year, static_cast<int>(f.count)});
    }
  std::sort(page.by_year.begin(), page.by_year.end(), [](const auto& a, const auto& b) { return a.year < b.year; });

  if (graph)
    if (auto node = graph->find("topic:" + page.topic.label)) {
      auto n = graph->neighbours(*node);
      for (size_t i = 0; i < n.targets.size() && page.researchers.size() < kTopicResearchers; ++i)
        if (graph->type(n.targets[i]) == graph::NodeType::researcher)
          page.researchers.push_back({graph->public_id(n.targets[i]), std::string(graph->label(n.targets[i]))});
    }
  if (page.works.empty() && page.researchers.empty()) return std::optional<TopicPage>{};
  if (!page.topic.works_count) page.topic.works_count = static_cast<int>(page.works_total);
  return std::optional<TopicPage>{std::move(page)};
}

}  // namespace bzpeer::pages

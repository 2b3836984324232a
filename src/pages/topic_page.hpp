#pragma once
// The topic page's facts: the topic, its newest works and their count, its works by
// year, and the researchers whose profiles rank it highest.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "graph/graph_view.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "search/searcher.hpp"
#include "store/catalog_reader.hpp"

namespace bzpeer::pages {

struct YearCount {
  int year = 0;
  int works = 0;
};

struct TopicPage {
  model::TopicSummary topic;
  std::vector<store::WorkSummary> works;  // newest first
  std::uint64_t works_total = 0;
  bool works_total_exact = true;
  std::vector<YearCount> by_year;  // oldest first
  std::vector<model::NamedCount> researchers;
};

// `id` is "topic:<phrase>" or "field:<category>"; nullopt when it is neither or when
// nothing carries it. `graph` may be null (no researchers then).
Result<std::optional<TopicPage>> topic_page(const std::string& id, store::CatalogReader& catalog, search::Searcher& searcher,
                                            const graph::GraphView* graph, size_t works_limit);

// The work filter or phrase that finds a topic's works, as a search query.
search::WorkQuery works_of_topic_query(const std::string& id);

}  // namespace bzpeer::pages

#pragma once
// The /search page: works with highlighted snippets, facets that narrow the results,
// the matching researchers and topics, "did you mean", and paging.
#include <string>
#include <vector>

#include "model/researcher.hpp"
#include "search/searcher.hpp"
#include "store/catalog.hpp"

namespace bzpeer::http {

struct FacetView {
  std::string key;    // the filter key: publication_year, type, venue, category
  std::string label;  // "Year"
  std::vector<search::FacetCount> counts;
};

struct SearchPageView {
  std::string q, filter, sort;
  std::string error;  // when set, shown instead of results
  const search::WorkResults* results = nullptr;
  std::vector<store::WorkSummary> works;  // in result order
  std::vector<FacetView> facets;
  store::Page page;
  std::vector<model::ResearcherProfile> people;
  std::vector<search::TopicHit> topics;
};

std::string render_search_page(const SearchPageView& view);

}  // namespace bzpeer::http

// The /search page: works, researchers and topics for one query, with facets and paging.
#include "http/html_views.hpp"
#include "http/routes.hpp"
#include "http/templates.hpp"
#include "http/search_views.hpp"
#include "http/work_search_params.hpp"

namespace bzpeer::http {

namespace {

// Facets counted over the best matches: enough to be representative, bounded in cost.
constexpr size_t kFacetSample = 10'000;

void handle_search_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  std::map<std::string, std::string> params;
  for (const auto& [k, v] : req.params)
    if (k == "q" || k == "filter" || k == "sort" || k == "page") params.emplace(k, v);
  SearchPageView view;
  view.q = params["q"];
  view.filter = params["filter"];
  view.sort = params["sort"];
  auto& catalog = catalogs.reader();
  auto parsed = parse_work_search(params, {"q", 20}, catalog);
  if (!parsed) {
    view.error = parsed.error().message;
    send_html(res, 400, render_search_page(view));
    return;
  }
  if (view.q.empty() && view.filter.empty()) {
    send_html(res, 200, render_search_page(view));
    return;
  }
  view.page = parsed->page;
  auto& query = parsed->query;
  query.facets = {search::Facet::year, search::Facet::type, search::Facet::venue, search::Facet::category};
  query.facet_sample = kFacetSample;
  auto& searcher = searchers.local();
  auto found = searcher.works(query);
  if (!found) {
    view.error = found.error().message;
    send_html(res, found.error().code == ErrorCode::invalid_input ? 400 : 500, render_search_page(view));
    return;
  }
  // Past the last page of results: go to the last one.
  if (found->hits.empty() && found->total > 0 && view.page.page > 1) {
    const auto pages = (found->total + static_cast<size_t>(view.page.per_page) - 1) /
                       static_cast<size_t>(view.page.per_page);
    std::string target = "/search?";
    for (const auto& [key, value] : req.params)
      if (key != "page") target += url_encode(key) + "=" + url_encode(value) + "&";
    res.set_redirect(target + "page=" + std::to_string(pages), 303);
    return;
  }
  view.results = &*found;
  std::vector<std::int64_t> ids;
  for (const auto& h : found->hits) ids.push_back(h.id);
  auto works = catalog.works_by_ids(ids);
  if (!works) return send_error_page(res, works.error());
  view.works = std::move(*works);
  const char* facet_keys[][2] = {{"publication_year", "Year"}, {"type", "Type"}, {"venue", "Venue"}, {"category", "Category"}};
  for (size_t i = 0; i < found->facets.size(); ++i)
    view.facets.push_back({facet_keys[i][0], facet_keys[i][1], found->facets[i]});
  // People and topics on the first page of a plain text query.
  if (view.page.page == 1 && !view.q.empty() && view.filter.empty()) {
    if (auto people = searcher.researchers(view.q, 0, 5))
      for (const auto& h : people->hits) {
        auto p = catalog.profile(h.id);
        if (!p) return send_error_page(res, p.error());
        if (*p) view.people.push_back(std::move(**p));
      }
    if (auto topics = searcher.topics(view.q, 0, 8)) view.topics = topics->hits;
  }
  send_html(res, 200, render_search_page(view));
}

}  // namespace

std::vector<Route> search_page_routes() {
  return {
      {Method::get, "/search", handle_search_page},
  };
}

}  // namespace bzpeer::http

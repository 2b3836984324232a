// JSON API under /api/v1 with OpenAlex-style envelopes: {meta:{count, per_page, page}, results:[...]}.
#include <algorithm>

#include "core/text.hpp"
#include "http/json_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

namespace bzpeer::http {

namespace {

using nlohmann::json;

std::string per_page_param(const httplib::Request& req) {
  // OpenAlex accepts both spellings.
  return req.has_param("per_page") ? req.get_param_value("per_page") : req.get_param_value("per-page");
}

json envelope(std::uint64_t count, store::Page page, json results) {
  return {{"meta", {{"count", count}, {"per_page", page.per_page}, {"page", page.page}}}, {"results", std::move(results)}};
}

// Parses "author.id:R12" from a filter list; any other filter is rejected by name.
Result<model::ResearcherId> author_filter(const std::string& filter) {
  model::ResearcherId author = 0;
  size_t start = 0;
  while (start <= filter.size()) {
    size_t end = filter.find(',', start);
    if (end == std::string::npos) end = filter.size();
    std::string clause = filter.substr(start, end - start);
    start = end + 1;
    if (clause.empty()) continue;
    size_t colon = clause.find(':');
    std::string key = clause.substr(0, colon);
    if (colon == std::string::npos)
      return make_error(ErrorCode::invalid_input, "filter '" + clause + "' needs the form key:value");
    if (key != "author.id") return make_error(ErrorCode::invalid_input, "unknown filter '" + key + "'");
    std::string value = clause.substr(colon + 1);
    author = model::parse_researcher_id(value);
    if (!author) return make_error(ErrorCode::invalid_input, "filter author.id: '" + value + "' is not a researcher id");
  }
  if (!author) return make_error(ErrorCode::invalid_input, "filter author.id:R<number> is required");
  return author;
}

}  // namespace

void register_api_routes(httplib::Server& server, CatalogPool& catalogs) {
  server.Get(R"(/api/v1/researchers/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
    const std::string id_text = req.matches[1];
    model::ResearcherId id = model::parse_researcher_id(id_text);
    auto& catalog = catalogs.local();
    auto profile = id ? catalog.profile(id) : std::nullopt;
    if (!profile && id) {
      if (auto merged = catalog.redirect(id)) {
        std::string target = model::format_researcher_id(*merged);
        res.set_header("Location", "/api/v1/researchers/" + target);
        send_json(res, 301, json{{"redirect", target}, {"message", id_text + " was merged into " + target}}.dump());
        return;
      }
    }
    if (!profile) {
      send_json_error(res, 404, "no researcher " + id_text);
      return;
    }
    send_json(res, 200, researcher_json(*profile).dump());
  });

  server.Get("/api/v1/researchers", [&](const httplib::Request& req, httplib::Response& res) {
    auto page = parse_page(req.get_param_value("page"), per_page_param(req), 25);
    if (!page) return send_json_error(res, 400, page.error().message);
    std::string search = req.get_param_value("search");
    if (search.empty()) return send_json_error(res, 400, "parameter 'search' is required (a researcher name)");
    if (search.size() > 200) return send_json_error(res, 400, "parameter 'search' is longer than 200 characters");
    // Exact name matches come first, then names that extend it ("Han Hu" -> "Han Hua").
    auto all = catalogs.local().find_researchers(search, /*prefix=*/true, kMaxPerPage * 5);
    std::string key = text::fold(search);
    std::stable_partition(all.begin(), all.end(), [&](const auto& p) { return text::fold(p.display_name) == key; });
    json results = json::array();
    size_t first = static_cast<size_t>(page->page - 1) * static_cast<size_t>(page->per_page);
    for (size_t i = first; i < all.size() && i < first + static_cast<size_t>(page->per_page); ++i)
      results.push_back(researcher_json(all[i]));
    send_json(res, 200, envelope(all.size(), *page, std::move(results)).dump());
  });

  server.Get("/api/v1/works", [&](const httplib::Request& req, httplib::Response& res) {
    auto page = parse_page(req.get_param_value("page"), per_page_param(req), 25);
    if (!page) return send_json_error(res, 400, page.error().message);
    auto author = author_filter(req.get_param_value("filter"));
    if (!author) return send_json_error(res, 400, author.error().message);
    auto& catalog = catalogs.local();
    auto profile = catalog.profile(*author);
    if (!profile) return send_json_error(res, 404, "no researcher " + model::format_researcher_id(*author));
    json results = json::array();
    for (const auto& w : catalog.researcher_works(*author, *page)) results.push_back(work_json(w));
    send_json(res, 200, envelope(static_cast<std::uint64_t>(profile->works_count), *page, std::move(results)).dump());
  });
}

}  // namespace bzpeer::http

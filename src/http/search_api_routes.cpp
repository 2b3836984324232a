// Search API under /api/v1 with OpenAlex-style envelopes: works, researchers and topics,
// each with `search=`, paging, and for works `filter=`, `sort=`, `cursor=`, `group_by=`.
#include <chrono>

#include "http/account_http.hpp"
#include "http/json_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"
#include "http/work_search_params.hpp"

namespace bzpeer::http {

namespace {

using nlohmann::json;

std::map<std::string, std::string> single_params(const httplib::Request& req) {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : req.params) out.emplace(k, v);  // a repeated parameter: the first wins
  return out;
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// page and per_page (or per-page) of a researchers or topics list, within the first
// kMaxPagedResults results.
Result<store::Page> list_page(const httplib::Request& req) {
  std::string per_page = req.has_param("per_page") ? req.get_param_value("per_page") : req.get_param_value("per-page");
  auto page = parse_page(req.get_param_value("page"), per_page, 25);
  if (page && page->page * page->per_page > kMaxPagedResults)
    return make_error(ErrorCode::invalid_input, "page " + std::to_string(page->page) + " is beyond the first " +
                                                    std::to_string(kMaxPagedResults) + " results");
  return page;
}

constexpr size_t kStreamBatch = 2000;

// format=jsonl: every work the search matches, one JSON line each, read from the index
// and the catalog a batch at a time (past the paging limit, in flat memory).
void stream_works(httplib::Response& res, search::WorkQuery query, CatalogPool& catalogs, SearcherPool& searchers) {
  query.facets.clear();
  query.offset = 0;
  query.limit = kStreamBatch;
  auto next = std::make_shared<search::WorkQuery>(std::move(query));
  res.set_header("Content-Disposition", "attachment; filename=\"works.jsonl\"");
  res.set_chunked_content_provider("application/x-ndjson; charset=utf-8", [next, &catalogs, &searchers](size_t, httplib::DataSink& sink) {
    auto found = searchers.local().works(*next);
    if (!found || found->hits.empty()) {
      if (!found) {
        const std::string line = json{{"error", {{"status", 500}, {"message", found.error().message}}}}.dump() + "\n";
        sink.write(line.data(), line.size());
      }
      sink.done();
      return true;
    }
    std::vector<std::int64_t> ids;
    for (const auto& h : found->hits) ids.push_back(h.id);
    auto works = catalogs.reader().works_by_ids(ids);
    if (!works) {  // the stream ends with the error, as for a failed search
      std::fprintf(stderr, "bzpeer serve: %s\n", works.error().message.c_str());
      const std::string line = json{{"error", {{"status", 500}, {"message", "the server could not read its data"}}}}.dump() + "\n";
      sink.write(line.data(), line.size());
      sink.done();
      return true;
    }
    std::string lines;
    for (const auto& w : *works) lines += work_json(w).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    next->offset += static_cast<size_t>(found->hits.size());
    if (!sink.write(lines.data(), lines.size())) return false;  // the client went away
    if (found->hits.size() < next->limit) sink.done();
    return true;
  });
}

void handle_works_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto start = std::chrono::steady_clock::now();
  auto& catalog = catalogs.reader();
  auto params = parse_work_search(single_params(req), {"search", 25}, catalog);
  if (!params) return send_error(res, params.error());
  const std::string format = req.get_param_value("format");
  if (format == "jsonl") return stream_works(res, params->query, catalogs, searchers);
  if (!format.empty() && format != "json")
    return send_error(res, make_error(ErrorCode::invalid_input, "parameter 'format' must be json or jsonl"));
  auto found = searchers.local().works(params->query);
  if (!found) return send_error(res, found.error());
  json meta = {{"count", found->total}, {"count_is_exact", found->total_exact},
               {"per_page", params->page.per_page}};
  meta["page"] = params->cursor ? json(nullptr) : json(params->page.page);
  if (params->cursor) {
    size_t next = params->query.offset + static_cast<size_t>(found->hits.size());
    meta["next_cursor"] = found->hits.size() == params->query.limit && next < found->total ? json(encode_cursor(next)) : json(nullptr);
  }
  if (!found->corrected.empty()) meta["did_you_mean"] = found->corrected;
  json body = {{"meta", meta}};
  if (params->group_by) {
    json groups = json::array();
    for (const auto& g : found->facets[0]) groups.push_back({{"key", g.value}, {"key_display_name", g.value}, {"count", g.count}});
    body["meta"]["groups_count"] = groups.size();
    body["group_by"] = groups;
  }
  std::vector<std::int64_t> ids;
  for (const auto& h : found->hits) ids.push_back(h.id);
  json results = json::array();
  auto read = catalog.works_by_ids(ids, params->author);  // an author filter: with each work's attribution to them
  if (!read) return send_error(res, read.error());
  std::vector<store::WorkSummary>& works = *read;
  for (size_t i = 0, h = 0; i < works.size(); ++i) {
    while (found->hits[h].id != works[i].id) ++h;  // works_by_ids keeps the order, skipping unknown ids
    json w = work_json(works[i]);
    w["relevance_score"] = params->query.text.empty() ? json(nullptr) : json(found->hits[h].score);
    results.push_back(std::move(w));
  }
  body["results"] = std::move(results);
  body["meta"]["db_response_time_ms"] = ms_since(start);
  send_json(res, 200, body);
}

void handle_researchers_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto& accounts = deps.accounts;
  auto page = list_page(req);
  if (!page) return send_error(res, page.error());
  std::string search = req.get_param_value("search");
  auto found = searchers.local().researchers(search, static_cast<size_t>((page->page - 1) * page->per_page),
                                             static_cast<size_t>(page->per_page));
  if (!found) return send_error(res, found.error());
  auto& catalog = catalogs.reader();
  json results = json::array();
  for (const auto& h : found->hits) {
    auto p = catalog.profile(h.id);
    if (!p) return send_error(res, p.error());
    if (*p) {
      apply_account_state(**p, accounts);
      json r = researcher_json(**p);
      r["relevance_score"] = search.empty() ? json(nullptr) : json(h.score);
      results.push_back(std::move(r));
    }
  }
  send_json(res, 200, json{{"meta", {{"count", found->total}, {"per_page", page->per_page}, {"page", page->page}}},
                           {"results", std::move(results)}});
}

void handle_topics_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& searchers = deps.searchers;
  auto page = list_page(req);
  if (!page) return send_error(res, page.error());
  std::string search = req.get_param_value("search");
  auto found = searchers.local().topics(search, static_cast<size_t>((page->page - 1) * page->per_page),
                                        static_cast<size_t>(page->per_page));
  if (!found) return send_error(res, found.error());
  json results = json::array();
  for (const auto& h : found->hits)
    results.push_back({{"id", h.topic.id},
                       {"display_name", h.topic.label},
                       {"works_count", h.topic.works_count},
                       {"researchers_count", h.topic.researchers_count},
                       {"relevance_score", search.empty() ? json(nullptr) : json(h.score)}});
  send_json(res, 200, json{{"meta", {{"count", found->total}, {"per_page", page->per_page}, {"page", page->page}}},
                           {"results", std::move(results)}});
}

}  // namespace

std::vector<Route> search_api_routes() {
  return {
      {Method::get, "/api/v1/works", handle_works_api},
      {Method::get, "/api/v1/researchers", handle_researchers_api},
      {Method::get, "/api/v1/topics", handle_topics_api},
  };
}

}  // namespace bzpeer::http

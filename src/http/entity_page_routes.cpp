// The pages of one work, topic or institution, and /api/v1/works/{id}.
#include "http/entity_views.hpp"
#include "http/graph_pool.hpp"
#include "http/html_views.hpp"
#include "http/routes.hpp"
#include "core/text.hpp"

namespace bzpeer::http {

namespace {
constexpr size_t kMaxEntityId = 300;  // bytes of a topic or institution id
constexpr size_t kTopicWorks = 20;
auto work_of(const std::string& id_text, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  const std::int64_t id = model::parse_work_id(id_text);
  return id ? pages::work_page(id, catalogs.reader(), &searchers.local())
            : Result<std::optional<pages::WorkPage>>(std::optional<pages::WorkPage>());
}

void handle_work_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto page = work_of(req.matches[1], deps);
  if (!page) return send_error_page(res, page.error());
  if (!*page) {
    send_html(res, 404, render_error_page(404, "There is no work " + text::utf8_prefix(req.matches[1].str(), 24) + "."));
    return;
  }
  send_html(res, 200, render_work_page(**page));
}

void handle_work_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto page = work_of(req.matches[1], deps);
  if (!page) return send_error(res, page.error());
  if (!*page) {
    send_json_error(res, 404, "no work " + text::utf8_prefix(req.matches[1].str(), 24));
    return;
  }
  send_json(res, 200, work_page_json(**page));
}

void handle_topic_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto& graphs = deps.graphs;
  const std::string id = req.matches[1];
  if (id.size() > kMaxEntityId) {
    send_html(res, 400, render_error_page(400, "The topic id is too long."));
    return;
  }
  auto graph = graphs.get();
  auto page = pages::topic_page(id, catalogs.reader(), searchers.local(), graph.get(), kTopicWorks);
  if (!page) return send_error_page(res, page.error());
  if (!*page) {
    send_html(res, 404, render_error_page(404, "There is no topic " + text::utf8_prefix(id, 80) + "."));
    return;
  }
  send_html(res, 200, render_topic_page(**page));
}

void handle_institution_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& graphs = deps.graphs;
  const std::string id = req.matches[1];
  auto graph = graphs.get();
  auto page = id.size() <= kMaxEntityId && graph
                  ? pages::institution_page(id, catalogs.reader(), *graph)
                  : Result<std::optional<pages::InstitutionPage>>(std::optional<pages::InstitutionPage>());
  if (!page) return send_error_page(res, page.error());
  if (!*page) {
    send_html(res, 404, render_error_page(404, "There is no institution " + text::utf8_prefix(id, 80) + "."));
    return;
  }
  send_html(res, 200, render_institution_page(**page));
}

}  // namespace

std::vector<Route> entity_page_routes() {
  return {
      {Method::get, R"(/works/([^/]{1,40}))", handle_work_page},
      {Method::get, R"(/api/v1/works/([^/]{1,40}))", handle_work_api},
      {Method::get, R"(/topics/(.+))", handle_topic_page},
      {Method::get, R"(/institutions/(.+))", handle_institution_page},
  };
}

}  // namespace bzpeer::http

// The research graph: JSON slices around a researcher or any node, co-author paths, and
// the explorer page (cytoscape, served from /static/vendor).
#include <nlohmann/json.hpp>

#include "core/text.hpp"
#include "graph/slice.hpp"
#include "http/account_http.hpp"
#include "http/graph_pool.hpp"
#include "http/html_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"
#include "http/templates.hpp"

namespace bzpeer::http {

namespace {

using nlohmann::json;

json slice_json(const graph::GraphView& g, const graph::Slice& s) {
  json nodes = json::array(), edges = json::array();
  for (const auto& n : s.nodes)
    nodes.push_back({{"id", g.public_id(n.node)}, {"type", graph::node_type_name(g.type(n.node))},
                     {"label", std::string(g.label(n.node))}, {"weight", n.weight}});
  for (const auto& e : s.edges)
    edges.push_back({{"source", g.public_id(e.source)}, {"target", g.public_id(e.target)},
                     {"type", graph::edge_type_name(e.type)}, {"weight", e.weight}});
  return {{"nodes", nodes}, {"edges", edges}};
}

// ?limit= (per type, 1-50, default 8) and ?types=work,researcher,...
Result<graph::SliceOptions> slice_options(const httplib::Request& req) {
  graph::SliceOptions options;
  if (req.has_param("limit")) {
    auto limit = parse_positive("limit", req.get_param_value("limit"), 50);
    if (!limit) return limit.error();
    options.per_type = static_cast<size_t>(*limit);
  }
  if (req.has_param("types")) {
    options.types.fill(false);
    std::string types = req.get_param_value("types");
    size_t start = 0;
    while (start <= types.size()) {
      size_t end = types.find(',', start);
      if (end == std::string::npos) end = types.size();
      graph::NodeType t;
      std::string name = types.substr(start, end - start);
      if (!graph::parse_node_type(name, t))
        return make_error(ErrorCode::invalid_input, "unknown type '" + text::utf8_prefix(name, 40) + "'; types are work, researcher, topic, institution, venue");
      options.types[static_cast<size_t>(t)] = true;
      start = end + 1;
    }
  }
  return options;
}

std::shared_ptr<const graph::GraphView> with_graph(httplib::Response& res, Deps& deps) {
  auto& graphs = deps.graphs;
  auto g = graphs.get();
  if (!g) send_json_error(res, 503, "the research graph is not available (not built yet, or damaged): run `bzpeer build`");
  return g;
}

void handle_researcher_graph_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  auto options = slice_options(req);
  if (!options) return send_error(res, options.error());
  auto g = with_graph(res, deps);
  if (!g) return;
  auto node = g->find(model::format_researcher_id(*researcher));
  if (!node) return send_json_error(res, 404, "researcher " + model::format_researcher_id(*researcher) + " is not in the graph yet");
  send_json(res, 200, slice_json(*g, graph::slice(*g, *node, *options)));
}

void handle_graph_neighbors_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto options = slice_options(req);
  if (!options) return send_error(res, options.error());
  auto g = with_graph(res, deps);
  if (!g) return;
  std::string id = req.get_param_value("id");
  auto node = id.size() <= 300 ? g->find(id) : std::nullopt;
  if (!node) return send_json_error(res, 404, "no graph node '" + text::utf8_prefix(id, 80) + "'");
  send_json(res, 200, slice_json(*g, graph::slice(*g, *node, *options)));
}

void handle_coauthor_path_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalog = deps.catalogs.reader();
  auto from = existing_researcher(req.matches[1], catalog);
  if (!from) return send_error(res, from.error());
  auto to = existing_researcher(req.matches[2], catalog);
  if (!to) return send_error(res, to.error());
  auto g = with_graph(res, deps);
  if (!g) return;
  auto a = g->find(model::format_researcher_id(*from)), b = g->find(model::format_researcher_id(*to));
  if (!a || !b) return send_json_error(res, 404, "researcher not in the graph yet");
  auto path = graph::coauthor_path(*g, *a, *b);
  if (path.empty())
    return send_json_error(res, 404, "no chain of co-authors of 6 or fewer links connects these researchers");
  json nodes = json::array();
  for (auto n : path) nodes.push_back({{"id", g->public_id(n)}, {"label", std::string(g->label(n))}});
  send_json(res, 200, json{{"length", path.size() - 1}, {"path", nodes}});
}

void handle_researcher_graph_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalog = deps.catalogs.reader();
  auto researcher = existing_researcher(req.matches[1], catalog);
  if (!researcher) return send_error_page(res, researcher.error());
  auto read = catalog.profile(*researcher);
  if (!read) return send_error_page(res, read.error());
  const std::optional<model::ResearcherProfile>& profile = *read;
  data d;
  d.set("id", model::format_researcher_id(*researcher));
  d.set("name", profile ? profile->display_name : model::format_researcher_id(*researcher));
  send_html(res, 200, render_in_layout("explorer", d, "Research graph of " + (profile ? profile->display_name : std::string("a researcher")) + " - BZPEER"));
}

}  // namespace

std::vector<Route> graph_routes() {
  return {
      {Method::get, R"(/api/v1/researchers/([^/]+)/graph)", handle_researcher_graph_api},
      {Method::get, "/api/v1/graph/neighbors", handle_graph_neighbors_api},
      {Method::get, R"(/api/v1/researchers/([^/]+)/path/([^/]+))", handle_coauthor_path_api},
      {Method::get, R"(/researchers/([^/]+)/graph)", handle_researcher_graph_page},
  };
}

}  // namespace bzpeer::http

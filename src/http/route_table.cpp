#include "http/route_table.hpp"

#include "http/routes.hpp"

namespace bzpeer::http {

const char* method_name(Method m) {
  switch (m) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
  }
  return "GET";
}

std::vector<Route> site_routes() {
  std::vector<Route> all;
  for (auto part : {page_routes, api_routes, account_api_routes, conversation_api_routes, account_page_routes,
                    graph_routes, entity_page_routes, search_api_routes, search_page_routes, feed_routes}) {
    auto routes = part();
    all.insert(all.end(), std::make_move_iterator(routes.begin()), std::make_move_iterator(routes.end()));
  }
  return all;
}

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  patterns_.reserve(routes_.size());
  for (const auto& r : routes_) patterns_.emplace_back(r.pattern);
}

void Router::mount(httplib::Server& server, Deps& deps) const {
  for (const auto& r : routes_) {
    auto call = [handler = r.handler, &deps](const httplib::Request& req, httplib::Response& res) { handler(req, res, deps); };
    switch (r.method) {
      case Method::get: server.Get(r.pattern, call); break;
      case Method::post: server.Post(r.pattern, call); break;
      case Method::put: server.Put(r.pattern, call); break;
      case Method::patch: server.Patch(r.pattern, call); break;
      case Method::del: server.Delete(r.pattern, call); break;
    }
  }
}

bool Router::dispatch(httplib::Request& req, httplib::Response& res, Deps& deps) const {
  for (size_t i = 0; i < routes_.size(); ++i) {
    if (req.method != method_name(routes_[i].method)) continue;
    if (!std::regex_match(req.path, req.matches, patterns_[i])) continue;
    routes_[i].handler(req, res, deps);
    if (res.status == -1) res.status = 200;  // as the server does for a handler that set none
    return true;
  }
  return false;
}

}  // namespace bzpeer::http

#pragma once
// The site's routes as data: each is a method, a path pattern and a named handler that
// parses the request, calls a module's face and renders the reply. The same table is
// mounted on the server and dispatched directly by the tests (no socket needed).
#include <httplib.h>

#include <regex>
#include <string>
#include <vector>

namespace bzpeer::accounts {
class Accounts;
}
namespace bzpeer::feed {
class FeedEngine;
}

namespace bzpeer::http {

class CatalogPool;
class SearcherPool;
class GraphPool;

// What a handler may use: the serving reads and the accounts face, shared by all threads.
struct Deps {
  CatalogPool& catalogs;
  SearcherPool& searchers;
  GraphPool& graphs;
  accounts::Accounts& accounts;
  feed::FeedEngine& feeds;
};

using Handler = void (*)(const httplib::Request&, httplib::Response&, Deps&);

enum class Method { get, post, put, patch, del };
const char* method_name(Method m);

struct Route {
  Method method;
  std::string pattern;  // an ECMAScript regex over the whole path; its groups are req.matches
  Handler handler;
};

// Every route of the site, in the order they are tried (the first match answers).
std::vector<Route> site_routes();

class Router {
 public:
  explicit Router(std::vector<Route> routes);
  // Registers every route on the server, each calling its handler with `deps`.
  void mount(httplib::Server& server, Deps& deps) const;
  // Answers `req` as the mounted server would, without a socket: finds the first route
  // of the method whose pattern matches the whole path, fills req.matches and runs it.
  // False when no route matches (the server would answer 404).
  bool dispatch(httplib::Request& req, httplib::Response& res, Deps& deps) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::regex> patterns_;
};

}  // namespace bzpeer::http

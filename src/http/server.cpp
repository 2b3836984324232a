#include "http/server.hpp"

#include "accounts/smtp_mailer.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "feed/reader_feed.hpp"
#include "http/html_views.hpp"
#include "http/json_views.hpp"
#include "http/graph_pool.hpp"
#include "http/routes.hpp"
#include "http/session.hpp"
#include "http/viewer.hpp"

namespace bzpeer::http {

namespace {
constexpr size_t kMaxRequestBody = 1 << 20;

bool is_api(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0; }

// What in the request line is not UTF-8 ("" when all of it is): rejected here, at the
// edge, so no handler sees such bytes in a path or a query parameter.
std::string non_utf8_part(const httplib::Request& req) {
  if (!text::is_valid_utf8(req.path)) return "the path";
  for (const auto& [name, value] : req.params) {
    if (!text::is_valid_utf8(name)) return "a parameter name";
    if (!text::is_valid_utf8(value)) return "parameter '" + name + "'";
  }
  return "";
}
}  // namespace

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_json_error(httplib::Response& res, int status, const std::string& message) {
  send_json(res, status, error_json(status, message));
}

void send_html(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "text/html; charset=utf-8");
}

namespace {
// What a visitor is told of an error: a storage failure's text (paths, SQL) stays in
// the server's log.
std::string public_message(const Error& e) {
  if (e.code != ErrorCode::io && e.code != ErrorCode::internal && e.code != ErrorCode::unavailable) return e.message;
  std::fprintf(stderr, "bzpeer serve: %s\n", e.message.c_str());
  if (e.code == ErrorCode::unavailable) return "part of the search index is not answering; try again in a moment";
  return "the server could not read its data; try again later";
}
}  // namespace

void send_error(httplib::Response& res, const Error& e) { send_json_error(res, http_status(e.code), public_message(e)); }

void send_error_page(httplib::Response& res, const Error& e) {
  const int status = http_status(e.code);
  send_html(res, status, render_error_page(status, public_message(e)));
}

int run_server(const ServerOptions& options, const std::function<void(int)>& on_ready) {
  CatalogPool catalogs(options.catalog_location());
  try {
    catalogs.reader();  // fail fast when there is no catalog
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bzpeer serve: %s\n", e.what());
    return 1;
  }
  search::SearchPlace search_place{options.data_dir, {}, options.search_timeout_ms};
  if (!options.search_shards.empty()) {
    auto remote = search::parse_shard_urls(options.search_shards);
    if (!remote) {
      std::fprintf(stderr, "bzpeer serve: %s\n", remote.error().message.c_str());
      return 1;
    }
    search_place.remote = std::move(*remote);
  }
  SearcherPool searchers(search_place);
  try {
    searchers.local();
  } catch (const SearchUnavailable& e) {
    std::fprintf(stderr, "bzpeer serve: %s\n", e.what());
    // A damaged index: searches answer 503 until a build replaces it; the rest serves.
    // Anything else (never built, shards of another index) is the operator's to fix first.
    if (e.code != ErrorCode::io) return 1;
  }
  auto account_store = store::open_account_store(options.catalog_location());
  if (!account_store) {
    std::fprintf(stderr, "bzpeer serve: %s\n", account_store.error().message.c_str());
    return 1;
  }
  // Workers take a connection only once its request has arrived (see GuardedServer).
  GuardedServer server(static_cast<size_t>(options.threads), options.connections);
  server.set_payload_max_length(kMaxRequestBody);
  server.set_tcp_nodelay(true);  // without it small responses wait ~40 ms for delayed ACKs
  server.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "same-origin"},
                              {"Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:"}});

  // Port 0 asks the system for a free port (tests); the bound port is reported.
  int port = options.port;
  if (port == 0)
    port = server.bind_to_any_port(options.host);
  else if (!server.bind_to_port(options.host, port))
    port = -1;
  if (port <= 0) {
    std::fprintf(stderr, "bzpeer serve: cannot listen on %s:%d\n", options.host.c_str(), options.port);
    return 1;
  }
  server.widen_backlog();
  // Links in mails name the bound port (the system picks it when asked for port 0).
  auto mailer = accounts::make_mailer(options.data_dir, options.smtp_url);
  if (!mailer) {
    std::fprintf(stderr, "bzpeer serve: %s\n", mailer.error().message.c_str());
    return 1;
  }
  accounts::Accounts accounts(std::move(*account_store), std::move(*mailer),
                              options.public_url.empty() ? "http://" + options.host + ":" + std::to_string(port)
                                                         : options.public_url);
  accounts.start_mail_delivery();
  GraphPool graphs(options.data_dir);
  feed::FeedEngine feeds;
  Deps deps{catalogs, searchers, graphs, accounts, feeds};
  const Router router(site_routes());
  router.mount(server, deps);

  server.set_pre_routing_handler([&accounts](const httplib::Request& req, httplib::Response& res) {
    std::string bad = non_utf8_part(req);
    if (bad.empty()) {
      // Pages show who is signed in in their top bar; the API and static files need not look.
      Viewer viewer;
      if (!is_api(req) && req.path.rfind("/static/", 0) != 0)
        if (auto session = current_session(req, accounts))
          viewer = {true, session->account.display_name, session->csrf_token};
      set_request_viewer(std::move(viewer));
      return httplib::Server::HandlerResponse::Unhandled;
    }
    set_request_viewer({});
    std::string message = bad + " is not valid UTF-8";
    if (is_api(req))
      send_json_error(res, 400, message);
    else
      send_html(res, 400, render_error_page(400, message));
    return httplib::Server::HandlerResponse::Handled;
  });
  // httplib calls the error handler outside its exception guard: nothing may escape it.
  server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already wrote its own error
    try {
      std::string message = res.status == 404 ? "No such page: " + req.path : "Request failed";
      if (is_api(req))
        send_json_error(res, res.status, message);
      else
        send_html(res, res.status, render_error_page(res.status, message));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bzpeer serve: error page for %s: %s\n", req.method.c_str(), e.what());
      res.set_content("Request failed", "text/plain; charset=utf-8");
    }
  });
  server.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    std::string message = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const SearchUnavailable& e) {
      std::fprintf(stderr, "bzpeer serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
      const char* why = "search is not available: the index is missing or damaged, and must be rebuilt (`bzpeer build`)";
      if (is_api(req))
        send_json_error(res, 503, why);
      else
        send_html(res, 503, render_error_page(503, why));
      return;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bzpeer serve: %s %s: %s\n", req.method.c_str(), req.path.c_str(), e.what());
    } catch (...) {
    }
    if (is_api(req))
      send_json_error(res, 500, message);
    else
      send_html(res, 500, render_error_page(500, "Something went wrong on our side."));
  });

  if (on_ready) on_ready(port);
  return server.listen_after_bind() ? 0 : 1;
}

}  // namespace bzpeer::http

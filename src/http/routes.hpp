#pragma once
// The route tables, one a part of the site, and what their handlers share. Handlers only
// translate between HTTP and the modules' faces; no business logic lives here.
#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include "accounts/accounts.hpp"
#include "core/result.hpp"
#include "feed/reader_feed.hpp"
#include "http/catalog_pool.hpp"
#include "http/graph_pool.hpp"
#include "http/route_table.hpp"
#include "http/searcher_pool.hpp"

namespace bzpeer::http {

std::vector<Route> page_routes();              // static files, profiles, researchers by name
std::vector<Route> api_routes();               // /api/v1/researchers/{id}
std::vector<Route> account_api_routes();       // sign-up, login, claims, follows, corrections
std::vector<Route> conversation_api_routes();  // conversations and moderation
std::vector<Route> account_page_routes();      // the account forms and actions
std::vector<Route> graph_routes();             // the research graph, as JSON and as a page
std::vector<Route> entity_page_routes();       // works, topics, institutions
std::vector<Route> search_api_routes();        // /api/v1/works, researchers, topics
std::vector<Route> search_page_routes();       // /search
std::vector<Route> feed_routes();              // the feed, saved works, Atom, digests, home

// Shared response helpers.
// Bytes from a request that are not UTF-8 come out as U+FFFD: serialising never throws.
void send_json(httplib::Response& res, int status, const nlohmann::json& body);
void send_json_error(httplib::Response& res, int status, const std::string& message);
// A JSON error with the status that fits the error's code.
// (An io or internal error's text goes to the log; the reply says only that it failed.)
void send_error(httplib::Response& res, const Error& e);
// The HTML error page with the status that fits the error's code.
void send_error_page(httplib::Response& res, const Error& e);
void send_html(httplib::Response& res, int status, const std::string& body);

}  // namespace bzpeer::http

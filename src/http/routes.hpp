#pragma once
// Route tables: each registers its handlers on the server. Handlers only translate
// between HTTP and the catalog or search; no business logic lives here.
#include <httplib.h>

#include <nlohmann/json_fwd.hpp>

#include "http/catalog_pool.hpp"
#include "http/searcher_pool.hpp"
#include "accounts/accounts.hpp"
#include "core/result.hpp"
#include "feed/reader_feed.hpp"

namespace bzpeer::http {

void register_page_routes(httplib::Server& server, CatalogPool& catalogs, accounts::Accounts& accounts);
void register_api_routes(httplib::Server& server, CatalogPool& catalogs, accounts::Accounts& accounts);
void register_search_api_routes(httplib::Server& server, CatalogPool& catalogs, SearcherPool& searchers,
                                accounts::Accounts& accounts);
void register_search_page_routes(httplib::Server& server, CatalogPool& catalogs, SearcherPool& searchers);
void register_account_api_routes(httplib::Server& server, CatalogPool& catalogs, accounts::Accounts& accounts);
void register_conversation_api_routes(httplib::Server& server, CatalogPool& catalogs, accounts::Accounts& accounts);
void register_account_page_routes(httplib::Server& server, CatalogPool& catalogs, accounts::Accounts& accounts);
void register_feed_routes(httplib::Server& server, CatalogPool& catalogs, SearcherPool& searchers,
                          accounts::Accounts& accounts, feed::FeedEngine& engine);
class GraphPool;
void register_graph_routes(httplib::Server& server, CatalogPool& catalogs, GraphPool& graphs);
void register_entity_page_routes(httplib::Server& server, CatalogPool& catalogs, SearcherPool& searchers,
                                 GraphPool& graphs);

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

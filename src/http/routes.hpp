#pragma once
// Route tables: each registers its handlers on the server. Handlers only translate
// between HTTP and the catalog or search; no business logic lives here.
#include <httplib.h>

#include "http/catalog_pool.hpp"
#include "http/searcher_pool.hpp"

namespace bzpeer::http {

void register_page_routes(httplib::Server& server, CatalogPool& catalogs);
void register_api_routes(httplib::Server& server, CatalogPool& catalogs);
void register_search_api_routes(httplib::Server& server, CatalogPool& catalogs, SearcherPool& searchers);
void register_search_page_routes(httplib::Server& server, CatalogPool& catalogs, SearcherPool& searchers);

// Shared response helpers.
void send_json(httplib::Response& res, int status, const std::string& body);
void send_json_error(httplib::Response& res, int status, const std::string& message);
void send_html(httplib::Response& res, int status, const std::string& body);

}  // namespace bzpeer::http

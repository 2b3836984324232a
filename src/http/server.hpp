#pragma once
// The HTTP face of BZPEER: pages and the JSON API over a built catalog.
#include <functional>
#include <string>

#include "http/guarded_server.hpp"
#include "search/searcher.hpp"

namespace bzpeer::http {

struct ServerOptions {
  std::string catalog_location() const { return catalog.empty() ? data_dir : catalog; }
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string data_dir = "./bzpeer-data";
  std::string catalog;  // a PostgreSQL URL for the catalog and accounts; empty: DATA/catalog.sqlite
  int threads = 8;
  std::string public_url;  // the address users reach (for links in mails); default http://host:port
  std::string smtp_url;    // empty: mails are files in DATA/outbox
  ConnectionLimits connections;
  std::string search_shards;        // "tcp://host:port,..." (xapian-tcpsrv); empty: the works index under DATA
  unsigned search_timeout_ms = search::kRemoteTimeoutMs;
};

// Serves until the process is stopped. `on_ready` runs once the port is bound.
// Returns non-zero when the server cannot start.
int run_server(const ServerOptions& options, const std::function<void(int port)>& on_ready = {});

}  // namespace bzpeer::http

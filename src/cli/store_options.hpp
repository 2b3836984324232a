#pragma once
// Where a subcommand finds its data: files (indexes, graph, outbox) under --data, the
// catalog and accounts there too (SQLite) or in PostgreSQL at --catalog.
#include <CLI/CLI.hpp>
#include <string>

namespace bzpeer::cli {

struct StorePlace {
  std::string data = "./bzpeer-data";
  std::string catalog;  // a postgresql:// URL; empty: DATA/catalog.sqlite
  // What store::open_catalog and open_account_store take.
  std::string catalog_location() const { return catalog.empty() ? data : catalog; }
};

inline void add_catalog_option(CLI::App* cmd, std::string& catalog_url) {
  cmd->add_option("--catalog", catalog_url,
                  "PostgreSQL URL of the catalog (postgresql://user@host/db); default: DATA/catalog.sqlite")
      ->envname("BZPEER_DATABASE_URL");
}

inline void add_store_options(CLI::App* cmd, StorePlace& place, const std::string& data_help = "Data directory") {
  cmd->add_option("--data", place.data, data_help)->capture_default_str();
  add_catalog_option(cmd, place.catalog);
}

}  // namespace bzpeer::cli

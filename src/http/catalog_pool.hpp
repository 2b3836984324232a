#pragma once
// Each server thread gets its own read-only catalog connection (SQLite connections
// are not shared between threads).
#include <string>

#include "store/catalog.hpp"

namespace bzpeer::http {

class CatalogPool {
 public:
  explicit CatalogPool(std::string location) : location_(std::move(location)) {}
  // The calling thread's catalog, opened on first use; throws when it cannot be opened.
  store::Catalog& local();
  // Its serving face: all that the handlers read.
  store::CatalogReader& reader() { return local().reader(); }

 private:
  std::string location_;  // a data directory or a database URL
};

}  // namespace bzpeer::http

#include "http/catalog_pool.hpp"

#include <map>
#include <memory>
#include <stdexcept>

namespace bzpeer::http {

store::Catalog& CatalogPool::local() {
  // Keyed by pool so that two servers in one process (tests) keep separate connections.
  thread_local std::map<const CatalogPool*, std::unique_ptr<store::Catalog>> catalogs;
  auto& slot = catalogs[this];
  if (!slot) {
    auto opened = store::open_catalog(location_, /*read_only=*/true);
    if (!opened) throw std::runtime_error(opened.error().message);
    slot = std::move(*opened);
  }
  return *slot;
}

}  // namespace bzpeer::http

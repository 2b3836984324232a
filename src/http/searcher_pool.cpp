#include "http/searcher_pool.hpp"

#include <map>
#include <memory>
#include <stdexcept>

namespace bzpeer::http {

search::Searcher& SearcherPool::local() {
  thread_local std::map<const SearcherPool*, std::unique_ptr<search::Searcher>> searchers;
  auto& slot = searchers[this];
  if (!slot) {
    auto opened = search::Searcher::open(place_);
    if (!opened) throw SearchUnavailable(opened.error());
    slot = std::move(*opened);
  } else {
    slot->refresh();
  }
  return *slot;
}

}  // namespace bzpeer::http

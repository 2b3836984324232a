#pragma once
// Each server thread gets its own Searcher (Xapian databases are not shared between
// threads); each use first picks up indexes a build has swapped in since.
#include <string>

#include "search/searcher.hpp"

namespace bzpeer::http {

class SearcherPool {
 public:
  explicit SearcherPool(search::SearchPlace place) : place_(std::move(place)) {}
  // The calling thread's searcher; throws when there is no search index.
  search::Searcher& local();

 private:
  search::SearchPlace place_;
};

}  // namespace bzpeer::http

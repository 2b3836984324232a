#pragma once
// Each server thread gets its own Searcher (Xapian databases are not shared between
// threads); each use first picks up indexes a build has swapped in since.
#include <stdexcept>
#include <string>

#include "search/searcher.hpp"

namespace bzpeer::http {

// Thrown when no searcher can be opened (no index, or a damaged one): the server
// answers 503 and logs the reason.
struct SearchUnavailable : std::runtime_error {
  SearchUnavailable(const Error& e) : std::runtime_error(e.message), code(e.code) {}
  ErrorCode code;  // not_found: never built; io: damaged
};

class SearcherPool {
 public:
  explicit SearcherPool(search::SearchPlace place) : place_(std::move(place)) {}
  // The calling thread's searcher; throws SearchUnavailable when it cannot be opened.
  search::Searcher& local();

 private:
  search::SearchPlace place_;
};

}  // namespace bzpeer::http

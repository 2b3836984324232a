#pragma once
// Each server thread gets its own Searcher (Xapian databases are not shared between
// threads); each use first picks up indexes a build has swapped in since.
#include <string>

#include "search/searcher.hpp"

namespace bzpeer::http {

class SearcherPool {
 public:
  explicit SearcherPool(std::string data_dir) : data_dir_(std::move(data_dir)) {}
  // The calling thread's searcher; throws when there is no search index.
  search::Searcher& local();

 private:
  std::string data_dir_;
};

}  // namespace bzpeer::http

#pragma once
// Writes the search indexes from the catalog (called by `bzpeer build`):
// - works: updated in place with only the works changed since the revision the index
//   last saw (each commit carries that revision, so an interrupted build resumes where
//   the last commit left off); rebuilt from scratch when there is no usable index;
// - researchers and topics: rebuilt into fresh directories (identity may have renumbered
//   anyone), then swapped in through DATA/search/CURRENT.
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "search/schema.hpp"
#include "store/index_source.hpp"

namespace bzpeer::search {

struct IndexStats {
  std::uint64_t works_indexed = 0;
  bool works_rebuilt = false;  // false: only changed works were indexed
  std::uint64_t researchers = 0, topics = 0;
  std::uintmax_t bytes = 0;    // size of the live indexes on disk
  double works_seconds = 0, people_seconds = 0;
  double champions_seconds = 0;  // of works_seconds
};

// `layout`: how many shards the works index has (a different number than the live
// index's rebuilds it).
Result<IndexStats> build_search_index(store::IndexSource& source, const std::string& data_dir,
                                      const ShardLayout& layout = {});

}  // namespace bzpeer::search

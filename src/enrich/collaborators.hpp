#pragma once
// Co-authorship strength: shared works, each weighted by its recency.
#include <cstdint>
#include <vector>

#include "enrich/corpus_view.hpp"

namespace bzpeer::enrich {

struct CoAuthor {
  std::uint32_t researcher = 0;  // dense index
  double strength = 0;           // sum over shared works of 0.5^((latest year - year) / 4)
  int shared_works = 0;
};

// Works with more authors than this (consortium papers) add no co-authorship edges.
constexpr size_t kMaxAuthorsForCoauthorship = 50;

// Every co-author of `researcher`, strongest first (ties: more shared works, then index).
std::vector<CoAuthor> co_authors(const CorpusView& view, std::uint32_t researcher, std::vector<double>& scratch_strength,
                                 std::vector<int>& scratch_shared);

double recency_weight(int latest_year, int year);

}  // namespace bzpeer::enrich

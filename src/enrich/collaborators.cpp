#include "enrich/collaborators.hpp"

#include <algorithm>
#include <cmath>

namespace bzpeer::enrich {

double recency_weight(int latest_year, int year) {
  return std::pow(0.5, std::max(0, latest_year - year) / 4.0);
}

std::vector<CoAuthor> co_authors(const CorpusView& view, std::uint32_t researcher, std::vector<double>& strength,
                                 std::vector<int>& shared) {
  strength.resize(view.researcher_ids.size(), 0);
  shared.resize(view.researcher_ids.size(), 0);
  std::vector<std::uint32_t> touched;
  for (std::uint32_t w : view.works_of[researcher]) {
    const auto& authors = view.authors_of[w];
    if (authors.size() > kMaxAuthorsForCoauthorship) continue;
    double weight = recency_weight(view.latest_year, view.works[w].year);
    for (std::uint32_t other : authors) {
      if (other == researcher) continue;
      if (shared[other] == 0) touched.push_back(other);
      strength[other] += weight;
      ++shared[other];
    }
  }
  std::vector<CoAuthor> out;
  out.reserve(touched.size());
  for (std::uint32_t other : touched) {
    out.push_back({other, strength[other], shared[other]});
    strength[other] = 0;
    shared[other] = 0;
  }
  std::sort(out.begin(), out.end(), [](const CoAuthor& a, const CoAuthor& b) {
    if (a.strength != b.strength) return a.strength > b.strength;
    if (a.shared_works != b.shared_works) return a.shared_works > b.shared_works;
    return a.researcher < b.researcher;
  });
  return out;
}

}  // namespace bzpeer::enrich

#pragma once
#include <vector>

#include "enrich/corpus_view.hpp"
#include "model/researcher.hpp"

namespace bzpeer::enrich {

// A researcher's topics: research fields (categories or venue areas present in at
// least a quarter of their works) then mined phrases ranked by works x idf. A phrase
// must recur in two of their works once they have three or more.
// `scratch` is reused across calls (a counter per topic, all zero between calls).
std::vector<model::NamedCount> researcher_topics(const CorpusView& view, std::uint32_t researcher,
                                                 size_t max_phrases, size_t max_fields, std::vector<int>& scratch);

}  // namespace bzpeer::enrich

#pragma once
// Candidate topic phrases: runs of 2 to 3 content words inside one clause of a
// title or abstract ("vision transformer", "open vocabulary semantic segmentation").
#include <string>
#include <string_view>
#include <vector>

namespace bzpeer::enrich {

// Distinct candidate phrases of `text`, folded ("semantic segmentation").
std::vector<std::string> candidate_phrases(std::string_view text);

}  // namespace bzpeer::enrich

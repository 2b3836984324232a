#pragma once
// Candidate topic phrases: runs of 2 to 3 content words inside one clause of a
// title or abstract ("vision transformer", "masked image modeling").
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bzpeer::enrich {

// A phrase as a slice of the folded text it came from, with its stable hash.
struct PhraseRef {
  std::uint64_t hash = 0;
  std::uint32_t offset = 0, length = 0;
};

// Finds the distinct candidate phrases of `text`. `folded` receives the folded clauses
// that the returned slices point into ("masked image modeling" = folded.substr(offset, length)).
// No allocation per phrase: this runs over every title and abstract of the corpus.
std::vector<PhraseRef> candidate_phrases(std::string_view text, std::string& folded);

// Convenience for tests and small callers: the distinct phrases as strings, sorted.
std::vector<std::string> candidate_phrase_texts(std::string_view text);

}  // namespace bzpeer::enrich

#pragma once
// Checks a user's query before it reaches the query parser, so that a bad query gets a
// message a person can act on (and a 400) instead of a silent reinterpretation:
// too long, control characters, invalid UTF-8, unbalanced quotes, and field prefixes
// the index does not have. Unbalanced parentheses are dropped: a pasted title such as
// "Parsing (with a twist" means its words.
#include <string>
#include <vector>

#include "core/result.hpp"

namespace bzpeer::search {

inline constexpr size_t kMaxQueryBytes = 1000;

// The field prefixes a works query may use ("author:hinton", "year:2018..2020").
const std::vector<std::string>& known_fields();

struct CheckedQuery {
  std::string text;                 // the query, spaces squeezed
  std::vector<std::string> fields;  // the field prefixes it uses, in order
};

Result<CheckedQuery> check_query(const std::string& query);

}  // namespace bzpeer::search

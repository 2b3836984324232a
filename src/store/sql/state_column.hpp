#pragma once
// States are stored by their names (model/states.hpp). Anything else in such a column
// was written outside BZPEER: reading stops there with an error naming the column,
// rather than taking a default.
#include <optional>
#include <string>
#include <string_view>

#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

template <typename State>
State state_column(const Statement& s, int index, std::optional<State> (*parse)(std::string_view), const char* column) {
  std::string text = s.column_text(index);
  if (auto state = parse(text)) return *state;
  throw DatabaseError(std::string("unknown ") + column + " '" + text + "' in the database");
}

// A state that may be absent, stored as ''.
template <typename State>
std::optional<State> optional_state_column(const Statement& s, int index, std::optional<State> (*parse)(std::string_view),
                                           const char* column) {
  if (s.column_text(index).empty()) return std::nullopt;
  return state_column(s, index, parse, column);
}

}  // namespace bzpeer::store::sql

#pragma once
// Database errors are exceptions inside store/sql and Results at its faces: each
// method of a narrow store runs its body through `guarded`.
#include <type_traits>

#include "core/result.hpp"
#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

template <typename Fn>
auto guarded(Fn&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const DatabaseError& e) {
    return make_error(ErrorCode::io, e.what());
  }
}

}  // namespace bzpeer::store::sql

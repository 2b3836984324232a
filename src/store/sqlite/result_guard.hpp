#pragma once
// SQLite errors are exceptions inside store/sqlite and Results at its faces: each
// method of a narrow store runs its body through `guarded`.
#include <type_traits>

#include "core/result.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

template <typename Fn>
auto guarded(Fn&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const SqliteError& e) {
    return make_error(ErrorCode::io, e.what());
  }
}

}  // namespace bzpeer::store::sqlite

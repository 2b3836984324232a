#pragma once
// The whole-catalog reads that several faces share (store::PassRows): every work and
// every authorship, in id order.
#include <functional>

#include "store/identity_store.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

Status read_authorship_rows(Database& db, const std::function<void(AuthorshipRow&&)>& visit);
Status read_work_rows(Database& db, const std::function<void(WorkRow&&)>& visit);

}  // namespace bzpeer::store::sqlite

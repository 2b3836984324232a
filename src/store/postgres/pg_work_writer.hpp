#pragma once
// Ingest's face on PostgreSQL: a batch is COPYed into temporary staging tables and
// merged into works and authorships in a few set statements, instead of a round trip
// a row.
#include <memory>

#include "store/sql/connection.hpp"
#include "store/work_writer.hpp"

namespace bzpeer::store::postgres {

std::unique_ptr<WorkWriter> make_pg_work_writer(sql::Connection& db);

}  // namespace bzpeer::store::postgres

#pragma once
// The whole-catalog reads that several faces share (store::PassRows, AssignmentRows):
// every work, every authorship, the assignment, in id order. A face's SQLite class
// derives from SqlitePassRows<Face> or SqliteAssignmentRows<Face> to get them.
#include <functional>
#include <string>

#include "store/pass_rows.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

Status read_authorship_rows(Database& db, const std::function<void(AuthorshipRow&&)>& visit);
Status read_work_rows(Database& db, const std::function<void(WorkRow&&)>& visit);
Status read_researcher_work_rows(Database& db, const std::function<void(model::ResearcherId, std::int64_t)>& visit);
Status read_researcher_rows(Database& db, const std::function<void(model::ResearcherId, const std::string&)>& visit);

template <class Face>
class SqlitePassRows : public Face {
 public:
  explicit SqlitePassRows(Database& db) : db_(db) {}
  Status for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) override {
    return read_authorship_rows(db_, visit);
  }
  Status for_each_work(const std::function<void(WorkRow&&)>& visit) override { return read_work_rows(db_, visit); }

 protected:
  Database& db_;
};

template <class Face>
class SqliteAssignmentRows : public SqlitePassRows<Face> {
 public:
  using SqlitePassRows<Face>::SqlitePassRows;
  Status for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t)>& visit) override {
    return read_researcher_work_rows(this->db_, visit);
  }
  Status for_each_researcher(const std::function<void(model::ResearcherId, const std::string&)>& visit) override {
    return read_researcher_rows(this->db_, visit);
  }
};

}  // namespace bzpeer::store::sqlite

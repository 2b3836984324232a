#pragma once
// The whole-catalog reads that several faces share (store::PassRows, AssignmentRows):
// every work, every authorship, the assignment, in id order. A face's SQL class
// derives from SqlPassRows<Face> or SqlAssignmentRows<Face> to get them.
#include <functional>
#include <string>

#include "store/pass_rows.hpp"
#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

// The columns of an authorship row (authorships a, researcher_authorships ra joined on
// the authorship) and of a work row (works w), and their decoders.
inline constexpr const char* kAuthorshipRowColumns =
    "a.id, a.work_id, a.position, a.raw_name, a.first, a.last, a.affiliation, a.source_person_id, "
    "COALESCE(ra.researcher_id, 0), a.email, a.orcid";
inline constexpr const char* kWorkRowColumns =
    "w.id, w.external_id, w.source, w.type, w.title, w.abstract, w.venue, w.date, w.year, w.categories, w.cited";
AuthorshipRow read_authorship_row(const Statement& stmt);
WorkRow read_work_row(const Statement& stmt);

Status read_authorship_rows(Connection& db, const std::function<void(AuthorshipRow&&)>& visit);
Status read_work_rows(Connection& db, const std::function<void(WorkRow&&)>& visit);
Status read_researcher_work_rows(Connection& db, const std::function<void(model::ResearcherId, std::int64_t)>& visit);
Status read_researcher_rows(Connection& db, const std::function<void(model::ResearcherId, const std::string&)>& visit);

template <class Face>
class SqlPassRows : public Face {
 public:
  explicit SqlPassRows(Connection& db) : db_(db) {}
  Status for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) override {
    return read_authorship_rows(db_, visit);
  }
  Status for_each_work(const std::function<void(WorkRow&&)>& visit) override { return read_work_rows(db_, visit); }

 protected:
  Connection& db_;
};

template <class Face>
class SqlAssignmentRows : public SqlPassRows<Face> {
 public:
  using SqlPassRows<Face>::SqlPassRows;
  Status for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t)>& visit) override {
    return read_researcher_work_rows(this->db_, visit);
  }
  Status for_each_researcher(const std::function<void(model::ResearcherId, const std::string&)>& visit) override {
    return read_researcher_rows(this->db_, visit);
  }
};

}  // namespace bzpeer::store::sql

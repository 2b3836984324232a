#pragma once
// What the build's passes read whole: every authorship, every work, and (once identity
// has run) which researcher each work is on.
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "store/work_row.hpp"

namespace bzpeer::store {

// One authorship as identity sees it.
struct AuthorshipRow {
  model::AuthorshipId id;
  std::int64_t work_id = 0;
  int position = 0;
  std::string raw_name, first, last, affiliation, email, orcid, source_person_id;
  model::ResearcherId previous_researcher;  // from the last build, 0 when new
};

class PassRows {
 public:
  virtual ~PassRows() = default;
  // All authorships with their researcher of the last build (0 when new), ordered by id.
  virtual Status for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) = 0;
  // All works, ordered by id.
  virtual Status for_each_work(const std::function<void(WorkRow&&)>& visit) = 0;
};

// The passes after identity also read its assignment.
class AssignmentRows : public PassRows {
 public:
  // The (researcher, work) pairs of the assignment, by work.
  virtual Status for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t work_id)>& visit) = 0;
  virtual Status for_each_researcher(const std::function<void(model::ResearcherId, const std::string& display_name)>& visit) = 0;
};

}  // namespace bzpeer::store

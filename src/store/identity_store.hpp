#pragma once
// Identity's face of the catalog: the authorships it clusters (with the researcher each
// had after the last build), the works whose text and venues are its evidence, the
// claimants' corrections it must obey, and the assignment it writes back.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "model/account.hpp"
#include "model/researcher.hpp"
#include "store/work_row.hpp"

namespace bzpeer::store {

// One authorship as identity sees it.
struct AuthorshipRow {
  std::int64_t id = 0;
  std::int64_t work_id = 0;
  int position = 0;
  std::string raw_name, first, last, affiliation, email, orcid, source_person_id;
  model::ResearcherId previous_researcher = 0;  // from the last build, 0 when new
};

// Why an authorship is on its researcher's profile, and how firmly it is tied there:
// "confirmed" (an editor's id or the researcher's own word), "strong", "moderate",
// "weak" (joined on the researcher's works as a whole, no single clear link) or "alone"
// (the researcher's only work under this name).
struct Attribution {
  std::string explanation;
  std::string strength;
};

// The outcome of identity: every authorship's researcher, and each researcher's name.
struct ResearcherAssignment {
  struct Researcher {
    model::ResearcherId id = 0;
    std::string display_name;
    std::string name_key;
  };
  std::vector<Researcher> researchers;
  std::vector<std::pair<std::int64_t, model::ResearcherId>> authorship_to_researcher;
  // Why each authorship went to its researcher, parallel to authorship_to_researcher
  // (may be empty: then no explanations are stored).
  std::vector<Attribution> attributions;
  // Old researcher ids that now live on under another id (merges): old -> new.
  std::vector<std::pair<model::ResearcherId, model::ResearcherId>> redirects;
};

// What the build's passes read whole: every work and every authorship.
class PassRows {
 public:
  virtual ~PassRows() = default;
  // All authorships with their researcher of the last build (0 when new), ordered by id.
  virtual Status for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) = 0;
  // All works, ordered by id.
  virtual Status for_each_work(const std::function<void(WorkRow&&)>& visit) = 0;
};

class IdentityStore : public PassRows {
 public:
  // Claimed researchers' corrections of their works (written by accounts).
  virtual Result<std::vector<model::WorkCorrection>> work_corrections() = 0;
  // Replaces the researcher assignment atomically; what accounts hold on merged ids
  // moves with it, in the same transaction.
  virtual Status save_assignment(const ResearcherAssignment& assignment) = 0;
};

}  // namespace bzpeer::store

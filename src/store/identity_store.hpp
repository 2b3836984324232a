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
#include "store/attribution.hpp"
#include "store/pass_rows.hpp"

namespace bzpeer::store {

// The outcome of identity: every authorship's researcher, and each researcher's name.
struct ResearcherAssignment {
  struct Researcher {
    model::ResearcherId id;
    std::string display_name;
    std::string name_key;
  };
  std::vector<Researcher> researchers;
  std::vector<std::pair<model::AuthorshipId, model::ResearcherId>> authorship_to_researcher;
  // Why each authorship went to its researcher, parallel to authorship_to_researcher
  // (may be empty: then no explanations are stored).
  std::vector<Attribution> attributions;
  // Old researcher ids that now live on under another id (merges): old -> new.
  std::vector<std::pair<model::ResearcherId, model::ResearcherId>> redirects;
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

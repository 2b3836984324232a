#pragma once
// What a researcher's profile shows of accounts to the one looking at it: whether they
// follow it, whose claim it is, what they may do with the record, and for the claimant
// the corrections still waiting for a build and the weak attributions left to check.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.hpp"
#include "model/researcher.hpp"
#include "core/result.hpp"
#include "store/catalog_reader.hpp"

namespace bzpeer::accounts {

struct ProfileAccountView {
  bool signed_in = false;
  bool following = false;
  bool is_claimant = false;      // the viewer claimed this researcher
  bool has_other_claim = false;  // the viewer claimed someone else
  std::string own_record;        // that someone else's id ("R12"), to add this record's works to
  bool can_add_to_own = false;   // this record is unclaimed and under a form of the viewer's name
  int pending_additions = 0;     // works the claimant added from other records, joining at the next build
  // For the claimant: unclaimed records printed under the same name, the fragments of
  // themselves they may want to take in (at most 10).
  std::vector<model::ResearcherProfile> unclaimed_namesakes;
  std::string claim_evidence;                       // why the claim has its level
  std::map<std::int64_t, model::CorrectionAction> corrections;  // by work id
  std::vector<std::int64_t> settled;                // works confirmed or removed (settled_works)
  int weak_works = 0;                               // works tied on weak evidence, settled ones left out
};

// `profile` is the record shown (with the live account state applied), `corrections`
// its claimant's (ResearcherState); `viewer` the signed-in account, if any.
Result<ProfileAccountView> profile_account_view(Accounts& accounts, store::CatalogReader& catalog,
                                                const model::ResearcherProfile& profile,
                                                const std::vector<model::WorkCorrection>& corrections,
                                                const std::optional<model::Account>& viewer);

// The works of `profile` tied on weak evidence that are left to check: the build's count,
// less the `settled` ones among them (a catalog read only when there are settled works).
Result<int> weak_works_to_check(store::CatalogReader& catalog, const model::ResearcherProfile& profile,
                                const std::vector<std::int64_t>& settled);

}  // namespace bzpeer::accounts

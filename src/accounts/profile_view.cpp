#include "accounts/profile_view.hpp"

#include <algorithm>

#include "accounts/claim_rules.hpp"
#include "identity/name_parts.hpp"

namespace bzpeer::accounts {

Result<ProfileAccountView> profile_account_view(Accounts& accounts, store::CatalogReader& catalog,
                                                const model::ResearcherProfile& profile,
                                                const std::vector<model::WorkCorrection>& corrections,
                                                const std::optional<model::Account>& viewer) {
  ProfileAccountView view;
  const model::ResearcherId id = profile.id;
  if (viewer) {
    view.signed_in = true;
    auto following = accounts.following(viewer->id);
    view.following = std::find(following.begin(), following.end(), model::format_researcher_id(id)) != following.end();
    if (auto mine = accounts.claim_of_account(viewer->id)) {
      view.is_claimant = mine->researcher == id;
      view.has_other_claim = !view.is_claimant;
      if (view.is_claimant) view.claim_evidence = mine->evidence;
      else view.own_record = model::format_researcher_id(mine->researcher);
      if (view.has_other_claim) {
        auto own = catalog.profile(mine->researcher);
        if (!own) return own.error();
        if (*own) view.can_add_to_own = !profile.claimed && identity::same_block((*own)->display_name, profile.display_name);
      }
    }
  }
  std::vector<std::int64_t> added;
  for (const auto& c : corrections) {
    view.corrections[c.work_id] = c.action;
    if (c.action == model::CorrectionAction::add) added.push_back(c.work_id);
  }
  if (view.is_claimant) {
    auto namesakes = catalog.find_researchers(profile.display_name, /*prefix=*/false, 11);
    if (!namesakes) return namesakes.error();
    for (auto& other : *namesakes)
      if (other.id != id && !accounts.claim_of_researcher(other.id) && view.unclaimed_namesakes.size() < 10)
        view.unclaimed_namesakes.push_back(std::move(other));
  }
  // Added works already on the profile have joined (a build ran since).
  if (view.is_claimant && !added.empty()) {
    auto joined = catalog.count_on_profile(id, added);
    if (!joined) return joined.error();
    view.pending_additions = static_cast<int>(added.size()) - *joined;
  }
  view.settled = settled_works(corrections);
  auto weak = weak_works_to_check(catalog, profile, view.settled);
  if (!weak) return weak.error();
  view.weak_works = *weak;
  return view;
}

Result<int> weak_works_to_check(store::CatalogReader& catalog, const model::ResearcherProfile& profile,
                                const std::vector<std::int64_t>& settled) {
  if (settled.empty()) return profile.weak_works;
  return catalog.weak_work_count(profile.id, settled);
}

}  // namespace bzpeer::accounts

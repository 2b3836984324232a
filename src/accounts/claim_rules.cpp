#include "accounts/claim_rules.hpp"

#include "accounts/accounts.hpp"
#include "identity/name_parts.hpp"

namespace bzpeer::accounts {

Result<std::vector<std::int64_t>> works_to_add(store::CatalogReader& catalog, model::ResearcherId mine,
                                               model::ResearcherId other) {
  auto own = catalog.profile(mine);
  if (!own) return own.error();
  auto theirs = catalog.profile(other);
  if (!theirs) return theirs.error();
  if (!*own || !*theirs) return make_error(ErrorCode::not_found, "no such researcher");
  if (!identity::same_block((*own)->display_name, (*theirs)->display_name))
    return make_error(ErrorCode::invalid_input, model::format_researcher_id(other) + "'s name (" + (*theirs)->display_name +
                                                    ") is not a form of yours (" + (*own)->display_name +
                                                    "); add a single work by its id instead");
  return catalog.researcher_work_ids(other, Accounts::kMaxWorksAddedAtOnce + 1);
}

Status check_correction(store::CatalogReader& catalog, const model::WorkCorrection& correction) {
  auto works = catalog.works_by_ids({correction.work_id});
  if (!works) return works.error();
  if (works->empty()) return make_error(ErrorCode::not_found, "no work W" + std::to_string(correction.work_id));
  if (correction.action != model::CorrectionAction::add) return Ok{};
  auto own = catalog.profile(correction.researcher);
  if (!own) return own.error();
  if (!*own) return make_error(ErrorCode::not_found, "no such researcher");
  for (const auto& author : works->front().authors)
    if (identity::same_block((*own)->display_name, author)) return Ok{};
  return make_error(ErrorCode::invalid_input, "no author of W" + std::to_string(correction.work_id) +
                                                  " is printed under a form of your name (" + (*own)->display_name + ")");
}

std::vector<std::int64_t> settled_works(const std::vector<model::WorkCorrection>& corrections) {
  std::vector<std::int64_t> out;
  for (const auto& c : corrections)
    if (c.action != model::CorrectionAction::add) out.push_back(c.work_id);
  return out;
}

}  // namespace bzpeer::accounts

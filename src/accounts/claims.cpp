// Claims and their verification level, disputes, corrections, moderation and follows.
#include <algorithm>

#include "accounts/accounts.hpp"
#include "accounts/validation.hpp"
#include "core/text.hpp"

namespace bzpeer::accounts {

namespace {

// "cs.tsinghua.edu.cn" -> "tsinghua"; "mit.edu" -> "mit": the label that names the place.
std::string institution_label(const std::string& email) {
  auto labels = text::split(email.substr(email.find('@') + 1), '.');
  static const std::vector<std::string> generic = {"com", "org", "net", "edu", "ac", "gov", "co", "mail", "cs", "ee",
                                                   "eng", "dept", "student", "students", "alumni", "www"};
  for (size_t i = labels.size(); i-- > 0;) {
    if (i + 1 == labels.size()) continue;  // the top-level domain
    const auto& l = labels[i];
    if (l.size() >= 2 && std::find(generic.begin(), generic.end(), l) == generic.end()) return l;
  }
  return "";
}

bool is_free_mail(const std::string& label) {
  static const std::vector<std::string> free = {"gmail", "googlemail", "outlook", "hotmail", "yahoo", "icloud",
                                                "proton", "protonmail", "qq", "163", "126", "gmx", "aol"};
  return std::find(free.begin(), free.end(), label) != free.end();
}

}  // namespace

std::pair<model::VerificationLevel, std::string> Accounts::claim_level(const model::Account& account, model::ResearcherId researcher) {
  auto evidence = store_->researcher_evidence(researcher);
  if (!account.orcid.empty()) {
    int n = static_cast<int>(std::count(evidence.orcids.begin(), evidence.orcids.end(), account.orcid));
    if (n > 0) return {model::VerificationLevel::L3, "the account's ORCID iD " + account.orcid + " is on the researcher's source records"};
  }
  if (std::find(evidence.emails.begin(), evidence.emails.end(), account.email) != evidence.emails.end())
    return {model::VerificationLevel::L3, "the verified email is on the researcher's source records"};
  std::string label = institution_label(account.email);
  if (!label.empty() && !is_free_mail(label))
    for (const auto& affiliation : evidence.affiliations)
      for (const auto& word : text::words(affiliation))
        if (text::fold(word) == label)
          return {model::VerificationLevel::L3, "the verified email's domain matches the affiliation \"" + affiliation + "\""};
  return {model::VerificationLevel::L2, "claimed by an account with a verified email"};
}

Result<ClaimOutcome> Accounts::claim(const model::Account& account_in, model::ResearcherId researcher,
                                     const std::string& orcid_in) {
  auto orcid = checked_orcid(orcid_in);
  if (!orcid) return orcid.error();
  if (auto s = require_verified(account_in); !s) return s.error();
  model::Account account = account_in;
  if (!orcid->empty() && *orcid != account.orcid) {
    if (auto s = store_->set_orcid(account.id, *orcid); !s) return s.error();
    account.orcid = *orcid;
  }
  std::string subject = model::format_researcher_id(researcher);
  if (auto existing = store_->claim_of_researcher(researcher)) {
    if (existing->account == account.id) return ClaimOutcome{*existing, 0};
    auto dispute = store_->open_dispute(researcher, account.id, now_seconds());
    if (!dispute) return dispute.error();
    audit(account, "dispute.open", subject, "dispute " + std::to_string(*dispute));
    notify(existing->account, "dispute", "Another account disputes your claim of your researcher record; a moderator will decide",
           "/researchers/" + subject);
    ClaimOutcome out;
    out.dispute = *dispute;
    return out;
  }
  if (auto mine = store_->claim_of_account(account.id))
    return make_error(ErrorCode::conflict, "this account already claims " + model::format_researcher_id(mine->researcher) +
                                               "; an account claims one researcher");
  auto [level, why] = claim_level(account, researcher);
  model::Claim claim{researcher, account.id, level, why, true, now_seconds()};
  if (auto s = store_->save_claim(claim); !s) return s.error();
  audit(account, "claim", subject, std::string(model::name(level)) + ": " + why);
  return ClaimOutcome{claim, 0};
}

Status Accounts::correct(const model::Account& account, const model::WorkCorrection& c) {
  auto claim = store_->claim_of_researcher(c.researcher);
  if (!claim || claim->account != account.id)
    return make_error(ErrorCode::forbidden, "only the researcher who claimed this record can correct it");
  if (auto s = store_->save_correction(c, account.id, now_seconds()); !s) return s;
  audit(account, "correction." + std::string(model::name(c.action)), model::format_researcher_id(c.researcher), "W" + std::to_string(c.work_id));
  return Ok{};
}

Result<size_t> Accounts::add_works_of(const model::Account& account, model::ResearcherId mine, model::ResearcherId other,
                                      const std::vector<std::int64_t>& works) {
  auto claim = store_->claim_of_researcher(mine);
  if (!claim || claim->account != account.id)
    return make_error(ErrorCode::forbidden, "only the researcher who claimed this record can correct it");
  if (other == mine) return make_error(ErrorCode::invalid_input, "these works are already on your record");
  if (auto theirs = store_->claim_of_researcher(other); theirs && theirs->account != account.id)
    return make_error(ErrorCode::forbidden, model::format_researcher_id(other) +
                                                " is claimed by another account; if it is you, claim it to open a dispute");
  if (works.empty()) return make_error(ErrorCode::invalid_input, model::format_researcher_id(other) + " has no works");
  if (works.size() > kMaxWorksAddedAtOnce)
    return make_error(ErrorCode::invalid_input, model::format_researcher_id(other) + " has more than " +
                                                    std::to_string(kMaxWorksAddedAtOnce) + " works; add them one by one");
  std::vector<model::WorkCorrection> added;
  for (auto work : works) added.push_back({mine, work, model::CorrectionAction::add});
  if (auto s = store_->save_corrections(added, account.id, now_seconds()); !s) return s.error();
  audit(account, "correction.add_all", model::format_researcher_id(mine),
        model::format_researcher_id(other) + ": " + std::to_string(works.size()) + " works");
  return works.size();
}

Status Accounts::set_open_to_collaborate(const model::Account& account, model::ResearcherId researcher, bool open) {
  auto claim = store_->claim_of_researcher(researcher);
  if (!claim || claim->account != account.id)
    return make_error(ErrorCode::forbidden, "only the researcher who claimed this record can change it");
  claim->open_to_collaborate = open;
  return store_->save_claim(*claim);
}

Status Accounts::resolve_dispute(const model::Account& moderator, std::int64_t id, bool uphold, const std::string& note) {
  if (auto s = require_moderator(moderator); !s) return s;
  auto dispute = store_->dispute(id);
  if (!dispute || dispute->status != "open") return make_error(ErrorCode::not_found, "no open dispute " + std::to_string(id));
  const auto previous = store_->claim_of_researcher(dispute->researcher);
  if (uphold) {
    auto claimant = store_->account(dispute->claimant);
    if (!claimant) return make_error(ErrorCode::not_found, "the claimant's account is gone");
    if (auto mine = store_->claim_of_account(claimant->id); mine && mine->researcher != dispute->researcher)
      return make_error(ErrorCode::conflict, "the claimant already claims another researcher");
    auto [level, why] = claim_level(*claimant, dispute->researcher);
    if (auto s = store_->delete_claim(dispute->researcher); !s) return s;
    if (auto s = store_->save_claim({dispute->researcher, claimant->id, level, why + "; dispute upheld", true, now_seconds()}); !s)
      return s;
  }
  if (auto s = store_->close_dispute(id, uphold ? "upheld" : "rejected", note); !s) return s;
  const std::string profile = "/researchers/" + model::format_researcher_id(dispute->researcher);
  const std::string why = note.empty() ? "" : " (" + note + ")";
  notify(dispute->claimant, "dispute",
         uphold ? "A moderator upheld your dispute: the researcher record is now claimed by you" + why
                : "A moderator rejected your dispute of a researcher record's claim" + why,
         profile);
  if (previous && previous->account != dispute->claimant)
    notify(previous->account, "dispute",
           uphold ? "A moderator gave your researcher record to the account that disputed your claim" + why
                  : "A moderator rejected the dispute of your claim: the record stays yours" + why,
           profile);
  audit(moderator, uphold ? "dispute.uphold" : "dispute.reject", model::format_researcher_id(dispute->researcher),
        "dispute " + std::to_string(id) + (note.empty() ? "" : ": " + note));
  return Ok{};
}

Status Accounts::review_claim(const model::Account& moderator, model::ResearcherId researcher) {
  if (auto s = require_moderator(moderator); !s) return s;
  auto claim = store_->claim_of_researcher(researcher);
  if (!claim) return make_error(ErrorCode::not_found, "nobody has claimed " + model::format_researcher_id(researcher));
  claim->level = model::VerificationLevel::L4;
  claim->evidence = "reviewed by a moderator; " + claim->evidence;
  if (auto s = store_->save_claim(*claim); !s) return s;
  audit(moderator, "claim.review", model::format_researcher_id(researcher), "L4");
  notify(claim->account, "claim", "A moderator reviewed your claim: your researcher record is now verified (L4)",
         "/researchers/" + model::format_researcher_id(researcher));
  return Ok{};
}

Status Accounts::close_report(const model::Account& moderator, std::int64_t report, const std::string& action) {
  if (auto s = require_moderator(moderator); !s) return s;
  if (action != "dismiss" && action != "actioned") return make_error(ErrorCode::invalid_input, "action: dismiss or actioned");
  if (auto s = store_->close_report(report, action == "dismiss" ? "dismissed" : "actioned"); !s) return s;
  audit(moderator, "report." + action, "report " + std::to_string(report));
  return Ok{};
}

Status Accounts::follow(const model::Account& account, const std::string& target) {
  return store_->follow(account.id, target, now_seconds());
}

Status Accounts::unfollow(const model::Account& account, const std::string& target) {
  return store_->unfollow(account.id, target);
}

ResearcherState Accounts::researcher_state(model::ResearcherId researcher) {
  return store_->researcher_state(researcher);
}

std::optional<model::Claim> Accounts::claim_of_researcher(model::ResearcherId researcher) {
  return store_->claim_of_researcher(researcher);
}

std::vector<model::WorkCorrection> Accounts::corrections_of(model::ResearcherId researcher) {
  return store_->corrections_of(researcher);
}

int Accounts::followers(const std::string& target) { return store_->followers(target); }

Result<Accounts::ModerationQueue> Accounts::moderation_queue(const model::Account& moderator, int audit_entries) {
  if (auto s = require_moderator(moderator, "see the queue"); !s) return s.error();
  return ModerationQueue{store_->open_disputes(), store_->open_reports(), store_->audit_log(audit_entries)};
}

}  // namespace bzpeer::accounts

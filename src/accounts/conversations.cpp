// Direct collaboration: invitations to claimed researchers, replies, blocks and reports.
#include "accounts/accounts.hpp"
#include "accounts/validation.hpp"

namespace bzpeer::accounts {

namespace {
bool takes_part(const model::Conversation& c, model::AccountId a) { return c.initiator == a || c.researcher_account == a; }
model::AccountId other_party(const model::Conversation& c, model::AccountId a) {
  return c.initiator == a ? c.researcher_account : c.initiator;
}
}  // namespace

Result<std::int64_t> Accounts::invite(const model::Account& account, model::ResearcherId researcher,
                                      const std::string& subject_in, const std::string& message_in) {
  auto subject = checked_text("subject", subject_in, 200, true);
  if (!subject) return subject.error();
  auto message = checked_text("message", message_in, 5000, true, /*multiline=*/true);
  if (!message) return message.error();
  if (auto s = require_verified(account); !s) return s.error();
  auto claim = store_->claim_of_researcher(researcher);
  if (!claim)
    return make_error(ErrorCode::forbidden, "this researcher has not claimed their record, so cannot receive invitations yet");
  if (!claim->open_to_collaborate)
    return make_error(ErrorCode::forbidden, "this researcher is not open to collaboration invitations right now");
  if (claim->account == account.id) return make_error(ErrorCode::invalid_input, "you cannot invite yourself");
  if (store_->is_blocked(claim->account, account.id))
    return make_error(ErrorCode::forbidden, "this researcher does not accept invitations from you");
  std::int64_t now = now_seconds();
  if (store_->invitations_since(account.id, now - 3600) >= limits_.invitations_per_hour ||
      store_->invitations_since(account.id, now - 24 * 3600) >= limits_.invitations_per_day)
    return make_error(ErrorCode::rate_limited, "too many invitations; try again later");
  model::Conversation c;
  c.researcher = researcher;
  c.researcher_account = claim->account;
  c.initiator = account.id;
  c.subject = *subject;
  auto id = store_->create_conversation(c, *message, now);
  if (id)
    notify(claim->account, "invitation", account.display_name + " invited you to collaborate: \"" + *subject + "\"",
           "/conversations/" + std::to_string(*id));
  return id;
}

Result<model::Conversation> Accounts::conversation(const model::Account& account, std::int64_t id) {
  auto c = store_->conversation(id);
  if (!c || !takes_part(*c, account.id)) return make_error(ErrorCode::not_found, "no conversation " + std::to_string(id));
  return *c;
}

std::vector<model::Conversation> Accounts::conversations(const model::Account& account) {
  return store_->conversations_of(account.id);
}

Status Accounts::respond(const model::Account& account, std::int64_t id, bool accept) {
  auto c = conversation(account, id);
  if (!c) return c.error();
  if (c->researcher_account != account.id) return make_error(ErrorCode::forbidden, "only the invited researcher can answer");
  if (c->status != "invited") return make_error(ErrorCode::conflict, "this invitation was already answered");
  auto s = store_->set_conversation_status(id, accept ? "accepted" : "declined");
  if (s)
    notify(c->initiator, "answer",
           account.display_name + (accept ? " accepted" : " declined") + " your invitation \"" + c->subject + "\"",
           "/conversations/" + std::to_string(id));
  return s;
}

Status Accounts::reply(const model::Account& account, std::int64_t id, const std::string& message_in) {
  auto message = checked_text("message", message_in, 5000, true, /*multiline=*/true);
  if (!message) return message.error();
  auto c = conversation(account, id);
  if (!c) return c.error();
  if (c->status == "invited") return make_error(ErrorCode::conflict, "the researcher has not accepted the invitation yet");
  if (c->status != "accepted") return make_error(ErrorCode::conflict, "this conversation is " + c->status);
  if (store_->is_blocked(other_party(*c, account.id), account.id))
    return make_error(ErrorCode::forbidden, "the other side has blocked you");
  auto s = store_->add_message(id, account.id, *message, now_seconds());
  if (s)
    notify(other_party(*c, account.id), "reply", account.display_name + " replied in \"" + c->subject + "\"",
           "/conversations/" + std::to_string(id));
  return s;
}

Status Accounts::block(const model::Account& account, std::int64_t id) {
  auto c = conversation(account, id);
  if (!c) return c.error();
  if (auto s = store_->block(account.id, other_party(*c, account.id), now_seconds()); !s) return s;
  if (auto s = store_->set_conversation_status(id, "blocked"); !s) return s;
  audit(account, "block", "conversation " + std::to_string(id));
  return Ok{};
}

Result<std::int64_t> Accounts::report(const model::Account& account, std::int64_t id, const std::string& reason_in) {
  auto reason = checked_text("reason", reason_in, 2000, true, /*multiline=*/true);
  if (!reason) return reason.error();
  auto c = conversation(account, id);
  if (!c) return c.error();
  auto report = store_->create_report({0, account.id, "conversation:" + std::to_string(id), *reason, "open", now_seconds()});
  if (report) audit(account, "report", "conversation " + std::to_string(id));
  return report;
}

}  // namespace bzpeer::accounts

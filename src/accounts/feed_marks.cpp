// What a reader tells the feed: marks on works, and the private Atom URL.
#include "accounts/accounts.hpp"
#include "accounts/secrets.hpp"

namespace bzpeer::accounts {

Status Accounts::mark_work(const model::Account& account, std::int64_t work, model::FeedMark mark, bool on) {
  if (work <= 0) return make_error(ErrorCode::invalid_input, "work: not a work id");
  // "More like this" and "not relevant" exclude each other.
  if (on && mark != model::FeedMark::saved) {
    auto opposite = mark == model::FeedMark::liked ? model::FeedMark::dismissed : model::FeedMark::liked;
    auto undone = store_->set_work_mark(account.id, work, opposite, false, now_seconds());
    if (!undone) return undone;
  }
  return store_->set_work_mark(account.id, work, mark, on, now_seconds());
}

std::vector<model::WorkMark> Accounts::work_marks(model::AccountId account) { return store_->work_marks(account); }

std::vector<std::string> Accounts::following(model::AccountId account) { return store_->following(account); }

std::optional<model::Claim> Accounts::claim_of_account(model::AccountId account) {
  return store_->claim_of_account(account);
}

Result<std::string> Accounts::renew_feed_token(const model::Account& account) {
  std::string token = random_token();
  auto saved = store_->set_feed_token(account.id, token_hash(token), now_seconds());
  if (!saved) return saved.error();
  return token;
}

Status Accounts::revoke_feed_token(const model::Account& account) {
  return store_->set_feed_token(account.id, "", now_seconds());
}

std::optional<model::AccountId> Accounts::feed_token_account(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  return store_->account_by_feed_token(token_hash(token));
}

Status Accounts::set_weekly_digest(const model::Account& account, bool on) {
  if (on) {
    if (auto verified = require_verified(account); !verified) return verified;
  }
  return store_->set_weekly_digest(account.id, on);
}

bool Accounts::weekly_digest(model::AccountId account) { return store_->has_weekly_digest(account); }

std::vector<model::Account> Accounts::digests_due() {
  std::vector<model::Account> out;
  const std::int64_t now = now_seconds();
  for (const auto& [id, sent] : store_->weekly_digest_accounts())
    if (now - sent >= kDigestSeconds)
      if (auto a = store_->account(id); a && a->email_verified) out.push_back(*a);
  return out;
}

Status Accounts::send_digest(const model::Account& account, const std::string& subject, const std::string& body) {
  if (auto sent = mail_.send({account.email, subject, body}); !sent) return sent;
  return store_->set_digest_sent(account.id, now_seconds());
}

}  // namespace bzpeer::accounts

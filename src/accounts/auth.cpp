// Sign-up, login, sessions, email verification and password reset.
#include <chrono>

#include "accounts/accounts.hpp"
#include "accounts/secrets.hpp"
#include "accounts/validation.hpp"

namespace bzpeer::accounts {

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Accounts::Accounts(std::unique_ptr<store::AccountStore> store, std::unique_ptr<Mailer> mailer, std::string public_url,
                   Limits limits)
    : store_(std::move(store)),
      mailer_(std::move(mailer)),
      public_url_(std::move(public_url)),
      limits_(limits),
      failures_by_email_(*store_, "login_failure_email", limits.login_failures_per_email, 15 * 60),
      failures_by_client_(*store_, "login_failure_client", limits.login_failures_per_client, 15 * 60),
      resets_by_email_(*store_, "reset_email", limits.resets_per_email, 3600),
      resets_by_client_(*store_, "reset_client", limits.resets_per_client, 3600),
      mail_(*store_, *mailer_) {}

Status Accounts::send_link(const model::Account& account, const std::string& purpose, std::int64_t ttl,
                           const std::string& subject, const std::string& path, const std::string& text) {
  std::string token = random_token();
  if (auto s = store_->create_token(token_hash(token), account.id, purpose, now_seconds() + ttl); !s) return s;
  return mail_.send({account.email, subject,
                        "Hello " + account.display_name + ",\n\n" + text + "\n\n" + public_url_ + path + "?token=" + token +
                            "\n\nThe link works once and expires in " + std::to_string(ttl / 3600) +
                            " hour(s). If you did not ask for it, ignore this message.\n"});
}

Result<model::Account> Accounts::signup(const std::string& email_in, const std::string& password,
                                        const std::string& display_name_in) {
  auto email = normalized_email(email_in);
  if (!email) return email.error();
  if (auto s = check_password(password); !s) return s.error();
  auto name = checked_text("display_name", display_name_in, 100, /*required=*/true);
  if (!name) return name.error();
  auto account = store_->create_account(*email, hash_password(password), *name, now_seconds());
  if (!account) {
    if (account.error().code == ErrorCode::conflict)
      background_.post([this, address = *email] {
        if (auto owner = store_->account_by_email(address))
          (void)mail_.send({owner->email, "Someone tried to sign up with your email",
                               "Hello " + owner->display_name +
                                   ",\n\nSomeone (perhaps you) tried to create a BZPEER account with this address, "
                                   "which already has one. Log in at " + public_url_ + "/login, or choose a new "
                                   "password at " + public_url_ + "/forgot.\n\nIf it was not you, nothing has changed.\n"});
      });
    return account.error();
  }
  background_.post([this, created = *account] {
    (void)send_link(created, "verify", limits_.verify_seconds, "Verify your BZPEER email", "/verify",
                    "Confirm that this address is yours:");
  });
  return account;
}

Result<Session> Accounts::login(const std::string& email_in, const std::string& password, const std::string& client) {
  std::int64_t now = now_seconds();
  auto normalized = normalized_email(email_in);
  std::string email = normalized ? *normalized : email_in;
  std::int64_t wait = std::max(failures_by_email_.wait_seconds(email, now), failures_by_client_.wait_seconds(client, now));
  if (wait > 0)
    return make_error(ErrorCode::rate_limited, "too many failed logins; try again in " + std::to_string((wait + 59) / 60) + " minute(s)");
  auto account = store_->account_by_email(email);
  // The same answer and about the same work whether or not the email exists.
  // An unknown email is checked against a hash made once, so both take one Argon2 check.
  static const std::string unknown_hash = hash_password(random_token());
  bool ok = account ? verify_password(store_->password_hash(account->id), password)
                    : (verify_password(unknown_hash, password), false);
  if (!ok) {
    failures_by_email_.record(email, now);
    failures_by_client_.record(client, now);
    return make_error(ErrorCode::unauthorized, "wrong email or password");
  }
  failures_by_email_.clear(email);
  Session session{random_token(), random_token(), *account};
  if (auto s = store_->create_session(token_hash(session.token), account->id, session.csrf_token, now + limits_.session_seconds); !s)
    return s.error();
  return session;
}

void Accounts::logout(const std::string& token) {
  if (!token.empty()) (void)store_->delete_session(token_hash(token));
}

std::optional<Session> Accounts::session(const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto row = store_->session(token_hash(token), now_seconds());
  if (!row) return std::nullopt;
  auto account = store_->account(row->account);
  if (!account) return std::nullopt;
  return Session{token, row->csrf_token, *account};
}

Status Accounts::verify_email(const std::string& token) {
  auto account = store_->use_token(token_hash(token), "verify", now_seconds());
  if (!account) return make_error(ErrorCode::invalid_input, "this verification link is invalid, used or expired");
  return store_->set_email_verified(*account);
}

Status Accounts::request_password_reset(const std::string& email, const std::string& client) {
  const std::int64_t now = now_seconds();
  if (std::int64_t wait = resets_by_client_.wait_seconds(client, now); wait > 0)
    return make_error(ErrorCode::rate_limited,
                      "too many reset requests; try again in " + std::to_string((wait + 59) / 60) + " minute(s)");
  resets_by_client_.record(client, now);
  auto normalized = normalized_email(email);
  if (!normalized) return Ok{};
  background_.post([this, address = *normalized, now] {
    if (resets_by_email_.wait_seconds(address, now) > 0) return;  // enough links to this mailbox for now
    resets_by_email_.record(address, now);
    if (auto account = store_->account_by_email(address))
      (void)send_link(*account, "reset", limits_.reset_seconds, "Reset your BZPEER password", "/reset",
                      "Choose a new password here:");
  });
  return Ok{};
}

Status Accounts::reset_password(const std::string& token, const std::string& password) {
  if (auto s = check_password(password); !s) return s;
  auto account = store_->use_token(token_hash(token), "reset", now_seconds());
  if (!account) return make_error(ErrorCode::invalid_input, "this reset link is invalid, used or expired");
  if (auto s = store_->set_password_hash(*account, hash_password(password)); !s) return s;
  if (auto a = store_->account(*account)) failures_by_email_.clear(a->email);  // whoever reset it owns the mailbox
  return store_->delete_sessions_of(*account);
}

Status Accounts::require_verified(const model::Account& account) const {
  if (!account.email_verified) return make_error(ErrorCode::forbidden, "verify your email first (see the link we sent)");
  return Ok{};
}

Status Accounts::require_moderator(const model::Account& account, const std::string& what) const {
  if (account.role != model::Role::moderator) return make_error(ErrorCode::forbidden, "only moderators can " + what);
  return Ok{};
}

void Accounts::audit(const model::Account& actor, const std::string& action, const std::string& subject,
                     const std::string& detail) {
  (void)store_->audit({now_seconds(), actor.id, action, subject, detail});
}

}  // namespace bzpeer::accounts

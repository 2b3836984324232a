#pragma once
// The accounts module's face: sign-up, login and sessions, claims with verification
// levels and disputes, corrections, moderation, follows and direct collaboration. Every
// method checks who may do what and says why not (ErrorCode: unauthorized, forbidden,
// not_found, conflict, rate_limited, invalid_input), and claims, corrections and
// moderation go to the audit log.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accounts/background.hpp"
#include "accounts/mail_queue.hpp"
#include "accounts/outbox.hpp"
#include "accounts/rate_limiter.hpp"
#include "core/result.hpp"
#include "model/account.hpp"
#include "store/account_store.hpp"

namespace bzpeer::accounts {

struct Session {
  std::string token;  // the cookie value (only ever returned at login)
  std::string csrf_token;
  model::Account account;
};

struct ClaimOutcome {
  model::Claim claim;
  std::int64_t dispute = 0;  // set when the record was already claimed: a dispute was opened instead
};

// What a researcher record looks like once accounts are taken into account.
using ResearcherState = store::ResearcherAccountState;  // claim, followers, corrections

struct Limits {
  std::int64_t session_seconds = 30 * 24 * 3600;
  std::int64_t verify_seconds = 48 * 3600;
  std::int64_t reset_seconds = 3600;
  int login_failures_per_email = 5, login_failures_per_client = 20;  // per 15 minutes
  int invitations_per_hour = 5, invitations_per_day = 20;
  int resets_per_email = 3, resets_per_client = 20;  // per hour
};

class Accounts {
 public:
  // `public_url` prefixes the links in emails ("http://127.0.0.1:8080").
  Accounts(std::unique_ptr<store::AccountStore> store, std::unique_ptr<Mailer> mailer, std::string public_url,
           Limits limits = {});

  // Sign-up sends the verification mail. Passwords: 10 to 200 characters. An email that
  // already has an account gets `conflict` here, and that account gets a mail saying
  // so: callers answer both the same way (nobody learns which emails have accounts).
  // Mails go out after the call returns.
  Result<model::Account> signup(const std::string& email, const std::string& password, const std::string& display_name);
  // `client` (the caller's address) and the email are rate-limited on failures.
  Result<Session> login(const std::string& email, const std::string& password, const std::string& client);
  void logout(const std::string& token);
  std::optional<Session> session(const std::string& token);
  Status verify_email(const std::string& token);
  // Whether the email has an account is not revealed, in the answer or its time: the
  // lookup, the link and the mail happen after the call returns, at most
  // `resets_per_email` an hour. Fails only when `client` asked too often.
  Status request_password_reset(const std::string& email, const std::string& client);
  // Waits until the mails of calls made so far have gone out (tests, the CLI).
  void wait_for_mail() {
    background_.drain();
    mail_.flush();
  }
  // Sends queued mail from a thread of this process (a server); without it, mail goes
  // out at wait_for_mail.
  void start_mail_delivery() { mail_.start_delivery(); }
  // Sets the password and ends every session of the account.
  Status reset_password(const std::string& token, const std::string& password);

  // Claims need a verified email (L2); an ORCID iD or email on the researcher's source
  // records, or an email domain matching an affiliation, corroborates it (L3). A record
  // claimed by someone else opens a dispute; an account claims one researcher at most.
  Result<ClaimOutcome> claim(const model::Account& account, model::ResearcherId researcher, const std::string& orcid);
  Status correct(const model::Account& account, const model::WorkCorrection& correction);
  // "This record is also me": `works` (all of researcher `other`'s, most often a fragment
  // of the same person under a variant of their name) are added to the account's claimed
  // researcher `mine`, in one step instead of one correction a work. `other` must not be
  // claimed by someone else (that is a dispute). Returns how many were added.
  static constexpr size_t kMaxWorksAddedAtOnce = 2000;
  Result<size_t> add_works_of(const model::Account& account, model::ResearcherId mine, model::ResearcherId other,
                              const std::vector<std::int64_t>& works);
  Status set_open_to_collaborate(const model::Account& account, model::ResearcherId researcher, bool open);

  // Moderators only.
  Status resolve_dispute(const model::Account& moderator, std::int64_t dispute, bool uphold, const std::string& note);
  Status review_claim(const model::Account& moderator, model::ResearcherId researcher);  // grants L4
  Status close_report(const model::Account& moderator, std::int64_t report, const std::string& action);
  struct ModerationQueue {
    std::vector<model::Dispute> disputes;
    std::vector<model::Report> reports;
    std::vector<store::AuditEntry> audit;  // newest first
  };
  // What waits for a moderator's decision, and the latest `audit_entries` of the log.
  Result<ModerationQueue> moderation_queue(const model::Account& moderator, int audit_entries = 100);

  // Targets: "R12" or "topic:<label>"/"field:<label>".
  Status follow(const model::Account& account, const std::string& target);
  Status unfollow(const model::Account& account, const std::string& target);
  int followers(const std::string& target);

  // Direct collaboration with a claimed researcher who is open to it.
  Result<std::int64_t> invite(const model::Account& account, model::ResearcherId researcher, const std::string& subject,
                              const std::string& message);
  // Not found unless the account takes part (nobody learns that others' exist).
  Result<model::Conversation> conversation(const model::Account& account, std::int64_t id);
  std::vector<model::Conversation> conversations(const model::Account& account);
  Status respond(const model::Account& account, std::int64_t id, bool accept);
  Status reply(const model::Account& account, std::int64_t id, const std::string& message);
  Status block(const model::Account& account, std::int64_t conversation);
  Result<std::int64_t> report(const model::Account& account, std::int64_t conversation, const std::string& reason);

  // The feed. Marks: "saved", "liked" ("more like this"), "dismissed" ("not relevant");
  // liking a work takes back its dismissal and the other way round.
  Status mark_work(const model::Account& account, std::int64_t work, model::FeedMark mark, bool on);
  std::vector<model::WorkMark> work_marks(model::AccountId account);
  std::vector<std::string> following(model::AccountId account);
  std::optional<model::Claim> claim_of_account(model::AccountId account);
  const std::string& public_url() const { return public_url_; }
  // A new secret for the account's private Atom URL (the old one stops working).
  Result<std::string> renew_feed_token(const model::Account& account);
  Status revoke_feed_token(const model::Account& account);
  std::optional<model::AccountId> feed_token_account(const std::string& token);
  // The weekly digest mail of the feed: asked for per account (a verified email only);
  // due when the last one went out a week ago or more.
  static constexpr std::int64_t kDigestSeconds = 7 * 24 * 3600;
  Status set_weekly_digest(const model::Account& account, bool on);
  bool weekly_digest(model::AccountId account);
  std::vector<model::Account> digests_due();
  Status send_digest(const model::Account& account, const std::string& subject, const std::string& body);

  // Invitations, answers, replies, disputes and claim decisions, newest first; each is
  // also mailed to a verified email.
  std::vector<model::Notification> notifications(const model::Account& account, int limit);
  int unread_notifications(const model::Account& account);
  Status mark_notifications_read(const model::Account& account, std::int64_t up_to_id);

  ResearcherState researcher_state(model::ResearcherId researcher);  // one store read
  std::optional<model::Claim> claim_of_researcher(model::ResearcherId researcher);
  // The claimant's corrections of a researcher's works (identity applies them at a build).
  std::vector<model::WorkCorrection> corrections_of(model::ResearcherId researcher);

 private:
  Status require_verified(const model::Account& account) const;
  // Forbidden, "only moderators can <what>", for anyone else.
  Status require_moderator(const model::Account& account, const std::string& what = "do this") const;
  // Keeps a notification for `to` and mails it after the call returns.
  void notify(model::AccountId to, const std::string& kind, const std::string& text, const std::string& link);
  void audit(const model::Account& actor, const std::string& action, const std::string& subject,
             const std::string& detail = "");
  Status send_link(const model::Account& account, const std::string& purpose, std::int64_t ttl,
                   const std::string& subject, const std::string& path, const std::string& text);
  // L2 or L3 and why, for `account` claiming `researcher`.
  std::pair<model::VerificationLevel, std::string> claim_level(const model::Account& account, model::ResearcherId researcher);

  std::unique_ptr<store::AccountStore> store_;
  std::unique_ptr<Mailer> mailer_;
  std::string public_url_;
  Limits limits_;
  RateLimiter failures_by_email_, failures_by_client_;
  RateLimiter resets_by_email_, resets_by_client_;
  MailQueue mail_;          // after the store and the mailer it uses
  Background background_;  // last: drained before the members it uses are destroyed
};

// Seconds since the epoch (one clock for the module).
std::int64_t now_seconds();

}  // namespace bzpeer::accounts

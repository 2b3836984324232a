#pragma once
// The AccountStore: accounts, sessions, one-time tokens, claims, disputes, corrections,
// follows, conversations, blocks, reports and the audit log, in the same store as the
// catalog. Data access only; the rules (who may do what) live in src/accounts.
// Implementations are safe to call from several threads.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/account.hpp"

namespace bzpeer::store {

struct SessionRow {
  model::AccountId account;
  std::string csrf_token;
};

// What the source records say about a researcher, to corroborate a claim.
struct ResearcherEvidence {
  std::vector<std::string> orcids, emails, affiliations;
};

// A key's events in a rate limit's window: how many, and when the oldest was.
struct RateWindow {
  int events = 0;
  std::int64_t oldest = 0;
};

// A mail waiting in the outbox.
struct QueuedMail {
  std::int64_t id = 0;
  std::string to, subject, body;
};

// What accounts hold about one researcher, read together: a profile shows all three.
struct ResearcherAccountState {
  std::optional<model::Claim> claim;
  int followers = 0;
  std::vector<model::WorkCorrection> corrections;  // by work id
};

struct AuditEntry {
  std::int64_t at = 0;
  model::AccountId actor;
  std::string action, subject, detail;
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Accounts. create_account fails with `conflict` when the email is taken.
  virtual Result<model::Account> create_account(const std::string& email, const std::string& password_hash,
                                                const std::string& display_name, std::int64_t now) = 0;
  virtual std::optional<model::Account> account(model::AccountId id) = 0;
  virtual std::optional<model::Account> account_by_email(const std::string& email) = 0;
  virtual std::string password_hash(model::AccountId id) = 0;
  virtual Status set_password_hash(model::AccountId id, const std::string& hash) = 0;
  virtual Status set_email_verified(model::AccountId id) = 0;
  virtual Status set_orcid(model::AccountId id, const std::string& orcid) = 0;
  virtual Status set_role(model::AccountId id, model::Role role) = 0;

  // Sessions and single-use tokens are stored by the hash of the secret only.
  virtual Status create_session(const std::string& token_hash, model::AccountId account, const std::string& csrf,
                                std::int64_t expires_at) = 0;
  virtual std::optional<SessionRow> session(const std::string& token_hash, std::int64_t now) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  virtual Status delete_sessions_of(model::AccountId account) = 0;
  virtual Status create_token(const std::string& token_hash, model::AccountId account, const std::string& purpose,
                              std::int64_t expires_at) = 0;
  // Marks the token used and returns its account, or nothing when unknown, expired,
  // already used or for another purpose.
  virtual std::optional<model::AccountId> use_token(const std::string& token_hash, const std::string& purpose,
                                                    std::int64_t now) = 0;

  // Claims and disputes.
  virtual std::optional<model::Claim> claim_of_researcher(model::ResearcherId researcher) = 0;
  virtual std::optional<model::Claim> claim_of_account(model::AccountId account) = 0;
  virtual Status save_claim(const model::Claim& claim) = 0;  // inserts or replaces the researcher's claim
  virtual Status delete_claim(model::ResearcherId researcher) = 0;
  virtual Result<std::int64_t> open_dispute(model::ResearcherId researcher, model::AccountId claimant, std::int64_t now) = 0;
  virtual std::optional<model::Dispute> dispute(std::int64_t id) = 0;
  virtual std::vector<model::Dispute> open_disputes() = 0;
  virtual Status close_dispute(std::int64_t id, const std::string& status, const std::string& resolution) = 0;
  virtual ResearcherEvidence researcher_evidence(model::ResearcherId researcher) = 0;

  // Corrections by a claimed researcher (one per work; the latest wins).
  virtual Status save_correction(const model::WorkCorrection& c, model::AccountId by, std::int64_t now) = 0;
  // Many at once, all or none (one transaction).
  virtual Status save_corrections(const std::vector<model::WorkCorrection>& cs, model::AccountId by, std::int64_t now) = 0;
  virtual std::vector<model::WorkCorrection> corrections_of(model::ResearcherId researcher) = 0;
  virtual std::vector<model::WorkCorrection> all_corrections() = 0;

  // Follows: targets are researcher ids ("R12") or topic ids ("topic:...").
  virtual Status follow(model::AccountId account, const std::string& target, std::int64_t now) = 0;
  virtual Status unfollow(model::AccountId account, const std::string& target) = 0;
  virtual int followers(const std::string& target) = 0;
  // The claim, followers and corrections of `researcher`, in one read.
  virtual ResearcherAccountState researcher_state(model::ResearcherId researcher) = 0;
  virtual std::vector<std::string> following(model::AccountId account) = 0;

  // Feed marks (see model::WorkMark), newest first; setting one that is set changes nothing.
  virtual Status set_work_mark(model::AccountId account, std::int64_t work, model::FeedMark mark, bool on,
                               std::int64_t now) = 0;
  virtual std::vector<model::WorkMark> work_marks(model::AccountId account) = 0;
  // The private Atom feed's token (stored by hash), one per account: setting a new one
  // revokes the old; an empty hash revokes without replacing.
  virtual Status set_feed_token(model::AccountId account, const std::string& token_hash, std::int64_t now) = 0;
  virtual std::optional<model::AccountId> account_by_feed_token(const std::string& token_hash) = 0;

  // The weekly digest: accounts that asked for it, and when it was last sent (0: never).
  virtual Status set_weekly_digest(model::AccountId account, bool on) = 0;
  virtual std::vector<std::pair<model::AccountId, std::int64_t>> weekly_digest_accounts() = 0;
  virtual bool has_weekly_digest(model::AccountId account) = 0;
  virtual Status set_digest_sent(model::AccountId account, std::int64_t at) = 0;

  // Conversations.
  virtual Result<std::int64_t> create_conversation(const model::Conversation& c, const std::string& first_message,
                                                   std::int64_t now) = 0;
  virtual std::optional<model::Conversation> conversation(std::int64_t id) = 0;  // with its messages
  virtual std::vector<model::Conversation> conversations_of(model::AccountId account) = 0;  // without messages
  virtual Status set_conversation_status(std::int64_t id, const std::string& status) = 0;
  virtual Status add_message(std::int64_t conversation, model::AccountId sender, const std::string& body,
                             std::int64_t now) = 0;
  virtual int invitations_since(model::AccountId initiator, std::int64_t since) = 0;

  // Blocks, reports, audit.
  virtual Status block(model::AccountId blocker, model::AccountId blocked, std::int64_t now) = 0;
  virtual bool is_blocked(model::AccountId blocker, model::AccountId blocked) = 0;
  virtual Result<std::int64_t> create_report(const model::Report& r) = 0;
  virtual std::vector<model::Report> open_reports() = 0;
  // Not found unless `id` is an open report (a report is closed once).
  virtual Status close_report(std::int64_t id, const std::string& status) = 0;
  virtual Result<std::int64_t> add_notification(model::AccountId account, const model::Notification& n) = 0;
  virtual std::vector<model::Notification> notifications(model::AccountId account, int limit) = 0;  // newest first
  virtual int unread_notifications(model::AccountId account) = 0;
  virtual Status mark_notifications_read(model::AccountId account, std::int64_t up_to_id) = 0;
  virtual Status audit(const AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> audit_log(int limit) = 0;

  // Rate-limit events, here so that every server counts the same ones: per `scope`
  // ("login_failure_email") and key (a hash of the email or address).
  virtual RateWindow rate_window(const std::string& scope, const std::string& key, std::int64_t since) = 0;
  // Records one event, and forgets the scope's events at or before `forget_before`.
  virtual Status record_rate_event(const std::string& scope, const std::string& key, std::int64_t at,
                                   std::int64_t forget_before) = 0;
  virtual Status clear_rate_events(const std::string& scope, const std::string& key) = 0;

  // The outbox: mail waits here until a server hands it to the mailer, so none is lost
  // with the server that queued it. take_mail leases up to `limit` mails nobody has
  // taken in the last `lease_seconds` (oldest first); forget_mail drops one sent.
  virtual Status queue_mail(const std::string& to, const std::string& subject, const std::string& body,
                            std::int64_t now) = 0;
  virtual std::vector<QueuedMail> take_mail(std::int64_t now, std::int64_t lease_seconds, int limit) = 0;
  virtual Status forget_mail(std::int64_t id) = 0;
};

// Opens the account store beside the catalog at `location` (a data directory or a
// PostgreSQL URL, as open_catalog), creating and migrating it.
Result<std::unique_ptr<AccountStore>> open_account_store(const std::string& location);

}  // namespace bzpeer::store

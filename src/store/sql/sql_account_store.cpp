// The AccountStore over a SQL connection of its own (beside the catalog's), one
// statement at a time under a mutex: account writes are few and small.
#include <algorithm>
#include <mutex>

#include "store/account_store.hpp"
#include "store/sql/connection.hpp"
#include "store/sql/state_column.hpp"

namespace bzpeer::store::sql {

namespace {

using model::AccountId;

// Runs an INSERT ... RETURNING id and gives the id.
std::int64_t inserted_id(Statement& s) {
  if (!s.step()) throw DatabaseError("an insert returned no id");
  std::int64_t id = s.column_int(0);
  s.reset();
  return id;
}

Status io_error(const DatabaseError& e) { return make_error(ErrorCode::io, e.what()); }

model::Account read_account(const Statement& s) {
  model::Account a;
  a.id = s.column_id<model::AccountId>(0);
  a.email = s.column_text(1);
  a.display_name = s.column_text(2);
  a.email_verified = s.column_int(3) != 0;
  a.orcid = s.column_text(4);
  a.role = state_column(s, 5, model::parse_role, "accounts.role");
  a.created_at = s.column_int(6);
  return a;
}
constexpr const char* kAccountColumns = "id, email, display_name, email_verified, orcid, role, created_at";

// A claim from kClaimColumns, the first of them at column `first`.
model::Claim read_claim(const Statement& s, int first = 0) {
  return {s.column_id<model::ResearcherId>(first), s.column_id<model::AccountId>(first + 1),
          state_column(s, first + 2, model::parse_verification_level, "claims.level"), s.column_text(first + 3),
          s.column_int(first + 4) != 0, s.column_int(first + 5)};
}
model::WorkCorrection read_correction(const Statement& s, int first = 0) {
  return {s.column_id<model::ResearcherId>(first), s.column_int(first + 1),
          state_column(s, first + 2, model::parse_correction_action, "corrections.action")};
}
// One correction a work: the latest wins.
constexpr const char* kSaveCorrection =
    "INSERT INTO corrections(researcher_id, work_id, action, account_id, created_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT(researcher_id, work_id) DO UPDATE SET action = excluded.action, account_id = excluded.account_id, "
    "created_at = excluded.created_at";
constexpr const char* kClaimColumns = "researcher_id, account_id, level, evidence, open_to_collaborate, created_at";

model::Conversation read_conversation(const Statement& s) {
  model::Conversation c;
  c.id = s.column_int(0);
  c.researcher = s.column_id<model::ResearcherId>(1);
  c.researcher_account = s.column_id<model::AccountId>(2);
  c.initiator = s.column_id<model::AccountId>(3);
  c.subject = s.column_text(4);
  c.status = s.column_text(5);
  c.created_at = s.column_int(6);
  c.initiator_name = s.column_text(7);
  c.researcher_name = s.column_text(8);
  return c;
}
constexpr const char* kConversationSelect =
    "SELECT c.id, c.researcher_id, c.researcher_account_id, c.initiator_account_id, c.subject, c.status, c.created_at, "
    "i.display_name, r.display_name FROM conversations c JOIN accounts i ON i.id = c.initiator_account_id "
    "JOIN accounts r ON r.id = c.researcher_account_id";

class SqlAccountStore final : public AccountStore {
 public:
  explicit SqlAccountStore(std::unique_ptr<Connection> db) : owned_(std::move(db)), db_(*owned_) {}

  Result<model::Account> create_account(const std::string& email, const std::string& password_hash,
                                        const std::string& display_name, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    try {
      auto s = db_.prepare("INSERT INTO accounts(email, password_hash, display_name, created_at) VALUES (?, ?, ?, ?) "
                           "ON CONFLICT(email) DO NOTHING RETURNING id");
      s.bind(1, email).bind(2, password_hash).bind(3, display_name).bind(4, now);
      if (!s.step()) return make_error(ErrorCode::conflict, "an account with this email already exists");
      model::Account a;
      a.id = s.column_id<AccountId>(0);
      a.email = email;
      a.display_name = display_name;
      a.created_at = now;
      return a;
    } catch (const DatabaseError& e) {
      return io_error(e).error();
    }
  }

  std::optional<model::Account> account(AccountId id) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return read_account(s);
  }

  std::optional<model::Account> account_by_email(const std::string& email) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string("SELECT ") + kAccountColumns + " FROM accounts WHERE email = ?");
    s.bind(1, email);
    if (!s.step()) return std::nullopt;
    return read_account(s);
  }

  std::string password_hash(AccountId id) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT password_hash FROM accounts WHERE id = ?");
    s.bind(1, id);
    return s.step() ? s.column_text(0) : "";
  }

  Status set_password_hash(AccountId id, const std::string& hash) override {
    return write("UPDATE accounts SET password_hash = ?2 WHERE id = ?1", [&](Statement& s) { s.bind(1, id).bind(2, hash); });
  }
  Status set_email_verified(AccountId id) override {
    return write("UPDATE accounts SET email_verified = 1 WHERE id = ?", [&](Statement& s) { s.bind(1, id); });
  }
  Status set_orcid(AccountId id, const std::string& orcid) override {
    return write("UPDATE accounts SET orcid = ?2 WHERE id = ?1", [&](Statement& s) { s.bind(1, id).bind(2, orcid); });
  }
  Status set_role(AccountId id, model::Role role) override {
    return write("UPDATE accounts SET role = ?2 WHERE id = ?1", [&](Statement& s) { s.bind(1, id).bind(2, model::name(role)); });
  }

  Status create_session(const std::string& token_hash, AccountId account, const std::string& csrf,
                        std::int64_t expires_at) override {
    return write("INSERT INTO sessions(token_hash, account_id, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
                 [&](Statement& s) { s.bind(1, token_hash).bind(2, account).bind(3, csrf).bind(4, expires_at); });
  }

  std::optional<SessionRow> session(const std::string& token_hash, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT account_id, csrf_token FROM sessions WHERE token_hash = ? AND expires_at > ?");
    s.bind(1, token_hash).bind(2, now);
    if (!s.step()) return std::nullopt;
    return SessionRow{s.column_id<model::AccountId>(0), s.column_text(1)};
  }

  Status delete_session(const std::string& token_hash) override {
    return write("DELETE FROM sessions WHERE token_hash = ?", [&](Statement& s) { s.bind(1, token_hash); });
  }
  Status delete_sessions_of(AccountId account) override {
    return write("DELETE FROM sessions WHERE account_id = ?", [&](Statement& s) { s.bind(1, account); });
  }

  Status create_token(const std::string& token_hash, AccountId account, const std::string& purpose,
                      std::int64_t expires_at) override {
    return write("INSERT INTO account_tokens(token_hash, account_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
                 [&](Statement& s) { s.bind(1, token_hash).bind(2, account).bind(3, purpose).bind(4, expires_at); });
  }

  std::optional<AccountId> use_token(const std::string& token_hash, const std::string& purpose, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    // One statement marks and returns: two concurrent uses cannot both succeed.
    auto s = db_.prepare(
        "UPDATE account_tokens SET used = 1 WHERE token_hash = ? AND purpose = ? AND used = 0 AND expires_at > ? "
        "RETURNING account_id");
    s.bind(1, token_hash).bind(2, purpose).bind(3, now);
    if (!s.step()) return std::nullopt;
    AccountId id = s.column_id<model::AccountId>(0);
    s.reset();
    return id;
  }

  std::optional<model::Claim> claim_of_researcher(model::ResearcherId researcher) override {
    return one_claim("researcher_id", researcher.value());
  }
  std::optional<model::Claim> claim_of_account(AccountId account) override { return one_claim("account_id", account.value()); }

  Status save_claim(const model::Claim& c) override {
    return write("INSERT INTO claims(" + std::string(kClaimColumns) + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(researcher_id) DO UPDATE SET "
                 "account_id = excluded.account_id, level = excluded.level, evidence = excluded.evidence, "
                 "open_to_collaborate = excluded.open_to_collaborate, created_at = excluded.created_at",
                 [&](Statement& s) {
                   s.bind(1, c.researcher).bind(2, c.account).bind(3, model::name(c.level)).bind(4, c.evidence);
                   s.bind(5, c.open_to_collaborate ? 1 : 0).bind(6, c.created_at);
                 });
  }
  Status delete_claim(model::ResearcherId researcher) override {
    return write("DELETE FROM claims WHERE researcher_id = ?", [&](Statement& s) { s.bind(1, researcher); });
  }

  Result<std::int64_t> open_dispute(model::ResearcherId researcher, AccountId claimant, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    try {
      auto existing = db_.prepare("SELECT id FROM disputes WHERE researcher_id = ? AND claimant_account_id = ? AND status = 'open'");
      existing.bind(1, researcher).bind(2, claimant);
      if (existing.step()) return existing.column_int(0);
      auto s = db_.prepare("INSERT INTO disputes(researcher_id, claimant_account_id, created_at) VALUES (?, ?, ?) RETURNING id");
      s.bind(1, researcher).bind(2, claimant).bind(3, now);
      return inserted_id(s);
    } catch (const DatabaseError& e) {
      return io_error(e).error();
    }
  }

  std::optional<model::Dispute> dispute(std::int64_t id) override {
    auto all = disputes("WHERE id = ?", id);
    if (all.empty()) return std::nullopt;
    return all.front();
  }
  std::vector<model::Dispute> open_disputes() override { return disputes("WHERE status = 'open'"); }

  Status close_dispute(std::int64_t id, const std::string& status, const std::string& resolution) override {
    return write("UPDATE disputes SET status = ?2, resolution = ?3 WHERE id = ?1",
                 [&](Statement& s) { s.bind(1, id).bind(2, status).bind(3, resolution); });
  }

  ResearcherEvidence researcher_evidence(model::ResearcherId researcher) override {
    std::lock_guard lock(mutex_);
    ResearcherEvidence out;
    auto s = db_.prepare(
        "SELECT DISTINCT a.orcid, a.email, a.affiliation FROM researcher_authorships ra "
        "JOIN authorships a ON a.id = ra.authorship_id WHERE ra.researcher_id = ?");
    s.bind(1, researcher);
    while (s.step()) {
      if (auto v = s.column_text(0); !v.empty()) out.orcids.push_back(v);
      if (auto v = s.column_text(1); !v.empty()) out.emails.push_back(v);
      if (auto v = s.column_text(2); !v.empty()) out.affiliations.push_back(v);
    }
    return out;
  }

  Status save_correction(const model::WorkCorrection& c, AccountId by, std::int64_t now) override {
    return write(kSaveCorrection,
                 [&](Statement& s) { s.bind(1, c.researcher).bind(2, c.work_id).bind(3, model::name(c.action)).bind(4, by).bind(5, now); });
  }

  Status save_corrections(const std::vector<model::WorkCorrection>& cs, AccountId by, std::int64_t now) override {
    std::lock_guard lock(mutex_);
    try {
      Transaction tx(db_);
      auto s = db_.prepare(
          kSaveCorrection);
      for (const auto& c : cs) {
        s.bind(1, c.researcher).bind(2, c.work_id).bind(3, model::name(c.action)).bind(4, by).bind(5, now);
        s.run();
      }
      tx.commit();
      return Ok{};
    } catch (const DatabaseError& e) {
      return io_error(e);
    }
  }

  std::vector<model::WorkCorrection> corrections_of(model::ResearcherId researcher) override {
    return corrections("WHERE researcher_id = ?", researcher.value());
  }
  std::vector<model::WorkCorrection> all_corrections() override { return corrections(""); }

  Status follow(AccountId account, const std::string& target, std::int64_t now) override {
    return write("INSERT INTO follows(account_id, target, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                 [&](Statement& s) { s.bind(1, account).bind(2, target).bind(3, now); });
  }
  Status unfollow(AccountId account, const std::string& target) override {
    return write("DELETE FROM follows WHERE account_id = ? AND target = ?",
                 [&](Statement& s) { s.bind(1, account).bind(2, target); });
  }
  int followers(const std::string& target) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT COUNT(*) FROM follows WHERE target = ?");
    s.bind(1, target);
    s.step();
    return static_cast<int>(s.column_int(0));
  }
  ResearcherAccountState researcher_state(model::ResearcherId researcher) override {
    std::lock_guard lock(mutex_);
    // One statement, not three: the account connection is shared by the server's threads.
    // Each row says which part it is (0 claim, 1 followers, 2 a correction), in the claim's
    // columns; the others fill the columns they have.
    auto s = db_.prepare(std::string("SELECT 0, ") + kClaimColumns + " FROM claims WHERE researcher_id = ?1 "
                         "UNION ALL SELECT 1, 0, COUNT(*), '', '', 0, 0 FROM follows WHERE target = ?2 "
                         "UNION ALL SELECT 2, researcher_id, work_id, action, '', 0, 0 FROM corrections "
                         "WHERE researcher_id = ?1 ORDER BY 1, 2, 3");
    s.bind(1, researcher).bind(2, model::format_researcher_id(researcher));
    ResearcherAccountState out;
    while (s.step()) {
      switch (s.column_int(0)) {
        case 0: out.claim = read_claim(s, 1); break;
        case 1: out.followers = static_cast<int>(s.column_int(2)); break;
        default: out.corrections.push_back(read_correction(s, 1));
      }
    }
    return out;
  }
  std::vector<std::string> following(AccountId account) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT target FROM follows WHERE account_id = ? ORDER BY created_at DESC, target");
    s.bind(1, account);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.column_text(0));
    return out;
  }

  Status set_work_mark(AccountId account, std::int64_t work, model::FeedMark mark, bool on,
                       std::int64_t now) override {
    if (on)
      return write("INSERT INTO work_marks(account_id, work_id, mark, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                   [&](Statement& s) { s.bind(1, account).bind(2, work).bind(3, model::name(mark)).bind(4, now); });
    return write("DELETE FROM work_marks WHERE account_id = ? AND work_id = ? AND mark = ?",
                 [&](Statement& s) { s.bind(1, account).bind(2, work).bind(3, model::name(mark)); });
  }
  std::vector<model::WorkMark> work_marks(AccountId account) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(
        "SELECT work_id, mark, created_at FROM work_marks WHERE account_id = ? ORDER BY created_at DESC, work_id");
    s.bind(1, account);
    std::vector<model::WorkMark> out;
    while (s.step())
      out.push_back({s.column_int(0), state_column(s, 1, model::parse_feed_mark, "work_marks.mark"), s.column_int(2)});
    return out;
  }
  Status set_feed_token(AccountId account, const std::string& token_hash, std::int64_t now) override {
    if (token_hash.empty())
      return write("DELETE FROM feed_tokens WHERE account_id = ?", [&](Statement& s) { s.bind(1, account); });
    return write("INSERT INTO feed_tokens(account_id, token_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(account_id) DO UPDATE "
                 "SET token_hash = excluded.token_hash, created_at = excluded.created_at",
                 [&](Statement& s) { s.bind(1, account).bind(2, token_hash).bind(3, now); });
  }
  std::optional<AccountId> account_by_feed_token(const std::string& token_hash) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT account_id FROM feed_tokens WHERE token_hash = ?");
    s.bind(1, token_hash);
    if (!s.step()) return std::nullopt;
    return s.column_id<model::AccountId>(0);
  }

  Status set_weekly_digest(AccountId account, bool on) override {
    if (on)
      return write("INSERT INTO feed_digests(account_id) VALUES (?) ON CONFLICT DO NOTHING", [&](Statement& s) { s.bind(1, account); });
    return write("DELETE FROM feed_digests WHERE account_id = ?", [&](Statement& s) { s.bind(1, account); });
  }
  std::vector<std::pair<AccountId, std::int64_t>> weekly_digest_accounts() override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT account_id, last_sent_at FROM feed_digests ORDER BY account_id");
    std::vector<std::pair<AccountId, std::int64_t>> out;
    while (s.step()) out.emplace_back(s.column_int(0), s.column_int(1));
    return out;
  }
  bool has_weekly_digest(AccountId account) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT 1 FROM feed_digests WHERE account_id = ?");
    s.bind(1, account);
    return s.step();
  }
  Status set_digest_sent(AccountId account, std::int64_t at) override {
    return write("UPDATE feed_digests SET last_sent_at = ? WHERE account_id = ?",
                 [&](Statement& s) { s.bind(1, at).bind(2, account); });
  }

  Result<std::int64_t> create_conversation(const model::Conversation& c, const std::string& first_message,
                                           std::int64_t now) override {
    std::lock_guard lock(mutex_);
    try {
      Transaction tx(db_);
      auto s = db_.prepare(
          "INSERT INTO conversations(researcher_id, researcher_account_id, initiator_account_id, subject, created_at) "
          "VALUES (?, ?, ?, ?, ?) RETURNING id");
      s.bind(1, c.researcher).bind(2, c.researcher_account).bind(3, c.initiator).bind(4, c.subject).bind(5, now);
      std::int64_t id = inserted_id(s);
      auto m = db_.prepare("INSERT INTO messages(conversation_id, sender_account_id, body, created_at) VALUES (?, ?, ?, ?)");
      m.bind(1, id).bind(2, c.initiator).bind(3, first_message).bind(4, now);
      m.run();
      tx.commit();
      return id;
    } catch (const DatabaseError& e) {
      return io_error(e).error();
    }
  }

  std::optional<model::Conversation> conversation(std::int64_t id) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string(kConversationSelect) + " WHERE c.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    model::Conversation c = read_conversation(s);
    auto m = db_.prepare(
        "SELECT m.id, m.sender_account_id, a.display_name, m.body, m.created_at FROM messages m "
        "JOIN accounts a ON a.id = m.sender_account_id WHERE m.conversation_id = ? ORDER BY m.id");
    m.bind(1, id);
    while (m.step()) c.messages.push_back({m.column_int(0), m.column_id<model::AccountId>(1), m.column_text(2), m.column_text(3), m.column_int(4)});
    return c;
  }

  std::vector<model::Conversation> conversations_of(AccountId account) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string(kConversationSelect) +
                         " WHERE c.initiator_account_id = ?1 OR c.researcher_account_id = ?1 ORDER BY c.id DESC");
    s.bind(1, account);
    std::vector<model::Conversation> out;
    while (s.step()) out.push_back(read_conversation(s));
    return out;
  }

  Status set_conversation_status(std::int64_t id, const std::string& status) override {
    return write("UPDATE conversations SET status = ?2 WHERE id = ?1", [&](Statement& s) { s.bind(1, id).bind(2, status); });
  }

  Status add_message(std::int64_t conversation, AccountId sender, const std::string& body, std::int64_t now) override {
    return write("INSERT INTO messages(conversation_id, sender_account_id, body, created_at) VALUES (?, ?, ?, ?)",
                 [&](Statement& s) { s.bind(1, conversation).bind(2, sender).bind(3, body).bind(4, now); });
  }

  int invitations_since(AccountId initiator, std::int64_t since) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT COUNT(*) FROM conversations WHERE initiator_account_id = ? AND created_at >= ?");
    s.bind(1, initiator).bind(2, since);
    s.step();
    return static_cast<int>(s.column_int(0));
  }

  Status block(AccountId blocker, AccountId blocked, std::int64_t now) override {
    return write("INSERT INTO blocks(blocker_account_id, blocked_account_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                 [&](Statement& s) { s.bind(1, blocker).bind(2, blocked).bind(3, now); });
  }
  bool is_blocked(AccountId blocker, AccountId blocked) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT 1 FROM blocks WHERE blocker_account_id = ? AND blocked_account_id = ?");
    s.bind(1, blocker).bind(2, blocked);
    return s.step();
  }

  Result<std::int64_t> create_report(const model::Report& r) override {
    std::lock_guard lock(mutex_);
    try {
      auto s = db_.prepare("INSERT INTO reports(reporter_account_id, target, reason, created_at) VALUES (?, ?, ?, ?) RETURNING id");
      s.bind(1, r.reporter).bind(2, r.target).bind(3, r.reason).bind(4, r.created_at);
      return inserted_id(s);
    } catch (const DatabaseError& e) {
      return io_error(e).error();
    }
  }

  std::vector<model::Report> open_reports() override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT id, reporter_account_id, target, reason, status, created_at FROM reports WHERE status = 'open' ORDER BY id");
    std::vector<model::Report> out;
    while (s.step()) out.push_back({s.column_int(0), s.column_id<model::AccountId>(1), s.column_text(2), s.column_text(3), s.column_text(4), s.column_int(5)});
    return out;
  }

  Status close_report(std::int64_t id, const std::string& status) override {
    std::lock_guard lock(mutex_);
    try {
      auto s = db_.prepare("UPDATE reports SET status = ?2 WHERE id = ?1 AND status = 'open' RETURNING id");
      s.bind(1, id).bind(2, status);
      if (!s.step()) return make_error(ErrorCode::not_found, "no open report " + std::to_string(id));
      return Ok{};
    } catch (const DatabaseError& e) {
      return io_error(e);
    }
  }

  Status audit(const AuditEntry& e) override {
    return write("INSERT INTO audit_log(at, actor_account_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)",
                 [&](Statement& s) { s.bind(1, e.at).bind(2, e.actor).bind(3, e.action).bind(4, e.subject).bind(5, e.detail); });
  }

  Result<std::int64_t> add_notification(AccountId account, const model::Notification& n) override {
    std::lock_guard lock(mutex_);
    try {
      auto s = db_.prepare("INSERT INTO notifications(account_id, kind, text, link, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id");
      s.bind(1, account).bind(2, n.kind).bind(3, n.text).bind(4, n.link).bind(5, n.at);
      return inserted_id(s);
    } catch (const DatabaseError& e) {
      return io_error(e).error();
    }
  }
  std::vector<model::Notification> notifications(AccountId account, int limit) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(
        "SELECT id, kind, text, link, created_at, read FROM notifications WHERE account_id = ? ORDER BY id DESC LIMIT ?");
    s.bind(1, account).bind(2, limit);
    std::vector<model::Notification> out;
    while (s.step())
      out.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3), s.column_int(4), s.column_int(5) != 0});
    return out;
  }
  int unread_notifications(AccountId account) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT count(*) FROM notifications WHERE account_id = ? AND read = 0");
    s.bind(1, account);
    s.step();
    return static_cast<int>(s.column_int(0));
  }
  Status mark_notifications_read(AccountId account, std::int64_t up_to_id) override {
    return write("UPDATE notifications SET read = 1 WHERE account_id = ? AND id <= ? AND read = 0",
                 [&](Statement& s) { s.bind(1, account).bind(2, up_to_id); });
  }

  std::vector<AuditEntry> audit_log(int limit) override {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare("SELECT at, actor_account_id, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?");
    s.bind(1, limit);
    std::vector<AuditEntry> out;
    while (s.step()) out.push_back({s.column_int(0), s.column_id<model::AccountId>(1), s.column_text(2), s.column_text(3), s.column_text(4)});
    return out;
  }

 private:
  RateWindow rate_window(const std::string& scope, const std::string& key, std::int64_t since) override {
    std::lock_guard lock(mutex_);
    try {
      auto s = db_.prepare("SELECT COUNT(*), COALESCE(MIN(at), 0) FROM rate_events WHERE scope = ? AND key = ? AND at > ?");
      s.bind(1, scope).bind(2, key).bind(3, since);
      if (!s.step()) return {};
      return {static_cast<int>(s.column_int(0)), s.column_int(1)};
    } catch (const DatabaseError&) {
      return {};  // a limit that cannot be read does not lock everyone out
    }
  }

  Status record_rate_event(const std::string& scope, const std::string& key, std::int64_t at,
                           std::int64_t forget_before) override {
    std::lock_guard lock(mutex_);
    try {
      Transaction tx(db_);
      auto forget = db_.prepare("DELETE FROM rate_events WHERE scope = ? AND at <= ?");
      forget.bind(1, scope).bind(2, forget_before);
      forget.run();
      auto s = db_.prepare("INSERT INTO rate_events(scope, key, at) VALUES (?, ?, ?)");
      s.bind(1, scope).bind(2, key).bind(3, at);
      s.run();
      tx.commit();
      return Ok{};
    } catch (const DatabaseError& e) {
      return io_error(e);
    }
  }

  Status clear_rate_events(const std::string& scope, const std::string& key) override {
    return write("DELETE FROM rate_events WHERE scope = ? AND key = ?", [&](Statement& s) { s.bind(1, scope).bind(2, key); });
  }

  Status queue_mail(const std::string& to, const std::string& subject, const std::string& body,
                    std::int64_t now) override {
    return write("INSERT INTO mail_queue(recipient, subject, body, queued_at) VALUES (?, ?, ?, ?)",
                 [&](Statement& s) { s.bind(1, to).bind(2, subject).bind(3, body).bind(4, now); });
  }

  std::vector<QueuedMail> take_mail(std::int64_t now, std::int64_t lease_seconds, int limit) override {
    std::lock_guard lock(mutex_);
    std::vector<QueuedMail> out;
    try {
      // The outer condition again: a server that took a row meanwhile has moved its
      // lease on, and PostgreSQL re-checks the row before updating it.
      auto s = db_.prepare(
          "UPDATE mail_queue SET taken_until = CAST(?1 AS BIGINT) + CAST(?2 AS BIGINT) WHERE id IN "
          "(SELECT id FROM mail_queue WHERE taken_until <= ?1 ORDER BY id LIMIT ?3) AND taken_until <= ?1 "
          "RETURNING id, recipient, subject, body");
      s.bind(1, now).bind(2, lease_seconds).bind(3, limit);
      while (s.step()) out.push_back({s.column_int(0), s.column_text(1), s.column_text(2), s.column_text(3)});
      s.reset();
    } catch (const DatabaseError&) {
      return {};  // tried again on the next round
    }
    std::sort(out.begin(), out.end(), [](const QueuedMail& a, const QueuedMail& b) { return a.id < b.id; });
    return out;
  }

  Status forget_mail(std::int64_t id) override {
    return write("DELETE FROM mail_queue WHERE id = ?", [&](Statement& s) { s.bind(1, id); });
  }

  template <typename Bind>
  Status write(const std::string& sql, Bind&& bind) {
    std::lock_guard lock(mutex_);
    try {
      auto s = db_.prepare(sql);
      bind(s);
      s.run();
      return Ok{};
    } catch (const DatabaseError& e) {
      return io_error(e);
    }
  }

  std::optional<model::Claim> one_claim(const char* column, std::int64_t value) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string("SELECT ") + kClaimColumns + " FROM claims WHERE " + column + " = ?");
    s.bind(1, value);
    if (!s.step()) return std::nullopt;
    return read_claim(s);
  }

  // `where` is one of our own clauses, with at most one `?` bound to `value`.
  std::vector<model::Dispute> disputes(const char* where, std::optional<std::int64_t> value = std::nullopt) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string("SELECT id, researcher_id, claimant_account_id, status, resolution FROM disputes ") + where +
                         " ORDER BY id");
    if (value) s.bind(1, *value);
    std::vector<model::Dispute> out;
    while (s.step()) out.push_back({s.column_int(0), s.column_id<model::ResearcherId>(1), s.column_id<model::AccountId>(2), s.column_text(3), s.column_text(4)});
    return out;
  }

  std::vector<model::WorkCorrection> corrections(const char* where, std::optional<std::int64_t> value = std::nullopt) {
    std::lock_guard lock(mutex_);
    auto s = db_.prepare(std::string("SELECT researcher_id, work_id, action FROM corrections ") + where +
                         " ORDER BY researcher_id, work_id");
    if (value) s.bind(1, *value);
    std::vector<model::WorkCorrection> out;
    while (s.step()) out.push_back(read_correction(s));
    return out;
  }

  std::mutex mutex_;
  std::unique_ptr<Connection> owned_;
  Connection& db_;
};

}  // namespace

std::unique_ptr<AccountStore> make_account_store(std::unique_ptr<Connection> db) {
  return std::make_unique<SqlAccountStore>(std::move(db));
}

}  // namespace bzpeer::store::sql

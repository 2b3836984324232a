#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <regex>
#include <thread>
#include <stdexcept>

#include "accounts/accounts.hpp"
#include "accounts/rate_limiter.hpp"
#include "accounts/secrets.hpp"
#include "accounts/validation.hpp"
#include "identity/disambiguator.hpp"
#include "identity/identity_pass.hpp"
#include "store/catalog.hpp"
#include "test_backends.hpp"
#include "test_support.hpp"

namespace bzpeer::accounts {
namespace {

using bzpeer::testing::R;

TEST(Secrets, PasswordsHashWithArgon2idAndTokensAreStoredHashed) {
  std::string hash = hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(verify_password(hash, "correct horse battery"));
  EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
  EXPECT_FALSE(verify_password("", "anything"));
  std::string a = random_token(), b = random_token();
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
  EXPECT_EQ(token_hash(a), token_hash(a));
  EXPECT_NE(token_hash(a), a);
}

TEST(Validation, EmailsPasswordsTextAndOrcid) {
  EXPECT_EQ(*normalized_email("  Ada@Example.ORG "), "ada@example.org");
  EXPECT_FALSE(normalized_email("ada@"));
  EXPECT_FALSE(normalized_email("a@b@c.org"));
  EXPECT_FALSE(check_password("short"));
  EXPECT_TRUE(check_password("ten chars!"));
  EXPECT_FALSE(checked_text("subject", "a\x01", 200, true));
  EXPECT_TRUE(checked_text("message", "two\nlines", 200, true, /*multiline=*/true));
  EXPECT_FALSE(checked_text("subject", "", 200, /*required=*/true));
  EXPECT_EQ(*checked_orcid("https://orcid.org/0000-0002-1825-0097"), "0000-0002-1825-0097");
  EXPECT_FALSE(checked_orcid("0000-0002-1825-0098")) << "wrong check digit";
  EXPECT_TRUE(checked_orcid("0000-0002-1694-233X"));
}

class CollectingMailer final : public Mailer {
 public:
  explicit CollectingMailer(std::vector<Mail>& out) : out_(out) {}
  Status send(const Mail& mail) override {
    out_.push_back(mail);
    return Ok{};
  }

 private:
  std::vector<Mail>& out_;
};

// Accounts over a fresh store (on each backend), their mails collected.
std::unique_ptr<store::AccountStore> fresh_store(const std::string& location) {
  auto opened = store::open_account_store(location);
  if (!opened) throw std::runtime_error(opened.error().message);
  return std::move(*opened);
}
struct AccountsUnderTest {
  explicit AccountsUnderTest(const std::string& location, Limits limits = {})
      : accounts{fresh_store(location), std::make_unique<CollectingMailer>(mails), "http://test", limits} {}
  std::vector<Mail> mails;
  Accounts accounts;
};

class AccountsFlow : public bzpeer::testing::OnBothBackends {};
INSTANTIATE_TEST_SUITE_P(Backends, AccountsFlow,
                         ::testing::Values(bzpeer::testing::Backend::sqlite, bzpeer::testing::Backend::postgresql),
                         bzpeer::testing::backend_name);

TEST_P(AccountsFlow, RateLimitsCountInTheStoreSoEveryServerSeesThem) {
  auto first = fresh_store(catalog_location());
  auto second = fresh_store(catalog_location());  // another server's connection to the same store
  RateLimiter here(*first, "test", 2, 60), there(*second, "test", 2, 60), other_scope(*second, "other", 2, 60);
  here.record("k", 100);
  EXPECT_EQ(there.wait_seconds("k", 101), 0);
  there.record("k", 110);
  EXPECT_EQ(here.wait_seconds("k", 120), 40) << "the window is full once both servers' events count";
  EXPECT_EQ(there.wait_seconds("k", 120), 40);
  EXPECT_EQ(other_scope.wait_seconds("k", 120), 0) << "scopes are counted apart";
  EXPECT_EQ(here.wait_seconds("another key", 120), 0);
  EXPECT_EQ(here.wait_seconds("k", 161), 0) << "old events leave the window";
  there.record("k", 200);  // forgets the scope's events older than the window
  EXPECT_EQ(first->rate_window("test", token_hash("k"), 0).events, 1);
  EXPECT_EQ(first->rate_window("test", "k", 0).events, 0) << "keys are stored hashed";
  here.record("k", 201);
  EXPECT_GT(there.wait_seconds("k", 202), 0);
  there.clear("k");
  EXPECT_EQ(here.wait_seconds("k", 202), 0);
}

TEST_P(AccountsFlow, MailWaitsInTheStoreAndAnyServerSendsIt) {
  std::vector<Mail> here_sent, there_sent;
  Accounts here(fresh_store(catalog_location()), std::make_unique<CollectingMailer>(here_sent), "http://test");
  Accounts there(fresh_store(catalog_location()), std::make_unique<CollectingMailer>(there_sent), "http://test");
  ASSERT_TRUE(here.signup("ada@example.org", "correct horse battery", "Ada"));
  // The other server delivers what this one queues (just after the call returns).
  for (int i = 0; i < 500 && there_sent.empty(); ++i) {
    there.wait_for_mail();
    if (there_sent.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(there_sent.size(), 1u);
  EXPECT_EQ(there_sent[0].to, "ada@example.org");
  EXPECT_NE(there_sent[0].body.find("/verify?token="), std::string::npos);
  here.wait_for_mail();
  EXPECT_TRUE(here_sent.empty()) << "a mail is sent once";

  // A mail leased by a server that died goes out when its lease ends, not before.
  auto store = fresh_store(catalog_location());
  ASSERT_TRUE(store->queue_mail("bob@example.org", "Hi", "Hello", 100));
  auto taken = store->take_mail(100, 60, 10);
  ASSERT_EQ(taken.size(), 1u);
  EXPECT_EQ(taken[0].subject, "Hi");
  EXPECT_TRUE(store->take_mail(159, 60, 10).empty()) << "still leased";
  auto again = store->take_mail(161, 60, 10);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].id, taken[0].id);
  ASSERT_TRUE(store->forget_mail(again[0].id));
  EXPECT_TRUE(store->take_mail(1000, 60, 10).empty());
}

std::string token_in(const Mail& mail) {
  std::smatch m;
  std::regex_search(mail.body, m, std::regex("token=([0-9a-f]{64})"));
  return m[1];
}

TEST_P(AccountsFlow, VerifyClaimDisputeAndOneClaimPerAccount) {
  AccountsUnderTest t(catalog_location());
  Accounts& accounts = t.accounts;
  std::vector<Mail>& mails = t.mails;
  auto ada = accounts.signup("ada@example.org", "correct horse battery", "Ada");
  ASSERT_TRUE(ada);
  accounts.wait_for_mail();
  ASSERT_EQ(mails.size(), 1u);
  EXPECT_NE(mails[0].body.find("http://test/verify?token="), std::string::npos);
  auto unverified = accounts.claim(*ada, R(7), "");
  ASSERT_FALSE(unverified);
  EXPECT_EQ(unverified.error().code, ErrorCode::forbidden);
  ASSERT_TRUE(accounts.verify_email(token_in(mails[0])));
  EXPECT_FALSE(accounts.verify_email(token_in(mails[0]))) << "single use";
  auto session = accounts.login("ada@example.org", "correct horse battery", "127.0.0.1");
  ASSERT_TRUE(session);
  EXPECT_TRUE(session->account.email_verified);
  auto claim = accounts.claim(session->account, R(7), "");
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->claim.level, model::VerificationLevel::L2);
  auto second = accounts.claim(session->account, R(8), "");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::conflict);

  auto bob = accounts.signup("bob@example.org", "correct horse battery", "Bob");
  ASSERT_TRUE(bob);
  accounts.wait_for_mail();
  ASSERT_TRUE(accounts.verify_email(token_in(mails.back())));
  auto bob_session = accounts.login("bob@example.org", "correct horse battery", "127.0.0.1");
  ASSERT_TRUE(bob_session);
  auto disputed = accounts.claim(bob_session->account, R(7), "");
  ASSERT_TRUE(disputed);
  EXPECT_GT(disputed->dispute, 0);
  EXPECT_EQ(accounts.researcher_state(R(7)).claim->account, ada->id) << "a dispute does not take the record over";
}

TEST_P(AccountsFlow, NeitherSignUpNorResetTellsWhichEmailsHaveAccounts) {
  AccountsUnderTest t(catalog_location());
  Accounts& accounts = t.accounts;
  std::vector<Mail>& mails = t.mails;
  ASSERT_TRUE(accounts.signup("ada@example.org", "correct horse battery", "Ada"));
  // A second sign-up with the address: refused here (the caller answers as for a new one),
  // and the owner hears of it; no second account.
  auto again = accounts.signup("ADA@example.org", "another horse battery", "Someone");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  accounts.wait_for_mail();
  ASSERT_EQ(mails.size(), 2u);
  EXPECT_EQ(mails[1].to, "ada@example.org");
  EXPECT_NE(mails[1].body.find("already has one"), std::string::npos);
  // Resets: an unknown address gets no mail, a known one gets its link, at most three an hour.
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(accounts.request_password_reset("nobody@example.org", "10.0.0.1"));
    EXPECT_TRUE(accounts.request_password_reset("ada@example.org", "10.0.0.1"));
  }
  accounts.wait_for_mail();
  size_t resets = 0;
  for (const auto& m : mails) resets += m.body.find("/reset?token=") != std::string::npos;
  EXPECT_EQ(resets, 3u);
  for (const auto& m : mails) EXPECT_NE(m.to, "nobody@example.org");
  // One client asking for many addresses is stopped (the same for every address).
  for (int i = 0; i < 10; ++i) (void)accounts.request_password_reset("x" + std::to_string(i) + "@example.org", "10.0.0.2");
  bool limited = false;
  for (int i = 0; i < 20 && !limited; ++i)
    limited = !accounts.request_password_reset("y" + std::to_string(i) + "@example.org", "10.0.0.2");
  EXPECT_TRUE(limited);
}

// `email`'s account as a login gives it now (its role and verification as stored).
model::Account signed_in(Accounts& accounts, const std::string& email) {
  auto session = accounts.login(email, "correct horse battery", "127.0.0.1");
  EXPECT_TRUE(session) << email;
  return session ? session->account : model::Account{};
}

// A verified, signed-in account of `email` (its verification mail is the last one sent).
model::Account verified_account(Accounts& accounts, std::vector<Mail>& mails, const std::string& email) {
  auto account = accounts.signup(email, "correct horse battery", email.substr(0, email.find('@')));
  EXPECT_TRUE(account);
  accounts.wait_for_mail();
  EXPECT_TRUE(accounts.verify_email(token_in(mails.back())));
  return signed_in(accounts, email);
}

TEST_P(AccountsFlow, AnotherRecordsWorksJoinTheClaimedOneInOneStep) {
  AccountsUnderTest t(catalog_location());
  Accounts& accounts = t.accounts;
  std::vector<Mail>& mails = t.mails;
  auto ada = verified_account(accounts, mails, "ada@example.org");
  auto bob = verified_account(accounts, mails, "bob@example.org");
  ASSERT_TRUE(accounts.claim(ada, R(7), ""));
  ASSERT_TRUE(accounts.claim(bob, R(9), ""));

  auto added = accounts.add_works_of(ada, R(7), R(8), {101, 102, 103});
  ASSERT_TRUE(added) << added.error().message;
  EXPECT_EQ(*added, 3u);
  auto corrections = accounts.corrections_of(R(7));
  ASSERT_EQ(corrections.size(), 3u);
  for (const auto& c : corrections) EXPECT_EQ(c.action, model::CorrectionAction::add);

  // Only the claimant, never from someone else's claimed record, never nothing or too much.
  auto not_theirs = accounts.add_works_of(bob, R(7), R(8), {101});
  ASSERT_FALSE(not_theirs);
  EXPECT_EQ(not_theirs.error().code, ErrorCode::forbidden);
  auto claimed = accounts.add_works_of(ada, R(7), R(9), {201});
  ASSERT_FALSE(claimed);
  EXPECT_EQ(claimed.error().code, ErrorCode::forbidden);
  EXPECT_NE(claimed.error().message.find("R9 is claimed by another account"), std::string::npos);
  EXPECT_EQ(accounts.add_works_of(ada, R(7), R(7), {101}).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(accounts.add_works_of(ada, R(7), R(10), {}).error().code, ErrorCode::invalid_input);
  std::vector<std::int64_t> too_many(Accounts::kMaxWorksAddedAtOnce + 1, 1);
  EXPECT_EQ(accounts.add_works_of(ada, R(7), R(10), too_many).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(accounts.corrections_of(R(7)).size(), 3u) << "a refused call adds nothing";
}

// `email`'s account, made a moderator by the operator and signed in again.
model::Account moderator_account(Accounts& accounts, std::vector<Mail>& mails, const std::string& location,
                                 const std::string& email) {
  auto account = verified_account(accounts, mails, email);
  EXPECT_TRUE(fresh_store(location)->set_role(account.id, model::Role::moderator));
  return signed_in(accounts, email);
}

TEST_P(AccountsFlow, UpholdingADisputeMovesTheRecordAndRejectingOneKeepsIt) {
  AccountsUnderTest t(catalog_location());
  Accounts& accounts = t.accounts;
  auto ada = verified_account(accounts, t.mails, "ada@example.org");
  auto bob = verified_account(accounts, t.mails, "bob@example.org");
  auto cid = verified_account(accounts, t.mails, "cid@example.org");
  auto mod = moderator_account(accounts, t.mails, catalog_location(), "mod@example.org");
  ASSERT_TRUE(accounts.claim(ada, R(7), ""));
  auto by_bob = accounts.claim(bob, R(7), "");
  ASSERT_TRUE(by_bob);
  ASSERT_GT(by_bob->dispute, 0);
  auto not_moderator = accounts.resolve_dispute(cid, by_bob->dispute, true, "");
  ASSERT_FALSE(not_moderator);
  EXPECT_EQ(not_moderator.error().code, ErrorCode::forbidden);

  ASSERT_TRUE(accounts.resolve_dispute(mod, by_bob->dispute, true, "Bob showed his ORCID record"));
  auto claim = accounts.claim_of_researcher(R(7));
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->account, bob.id) << "an upheld dispute gives the record to the disputer";
  EXPECT_NE(claim->evidence.find("dispute upheld"), std::string::npos);
  EXPECT_FALSE(accounts.claim_of_account(ada.id)) << "the previous claimant holds nothing";
  auto told_ada = accounts.notifications(ada, 10);
  ASSERT_FALSE(told_ada.empty());
  EXPECT_NE(told_ada.front().text.find("gave your researcher record"), std::string::npos);
  EXPECT_NE(told_ada.front().text.find("Bob showed his ORCID record"), std::string::npos);
  EXPECT_NE(accounts.notifications(bob, 10).front().text.find("upheld your dispute"), std::string::npos);
  auto again = accounts.resolve_dispute(mod, by_bob->dispute, false, "");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::not_found) << "a dispute is resolved once";

  // Cid disputes Bob's claim now; rejected, the record stays Bob's and the queue empties.
  auto by_cid = accounts.claim(cid, R(7), "");
  ASSERT_TRUE(by_cid);
  ASSERT_GT(by_cid->dispute, 0);
  auto queue = accounts.moderation_queue(mod);
  ASSERT_TRUE(queue);
  ASSERT_EQ(queue->disputes.size(), 1u);
  EXPECT_EQ(queue->disputes[0].claimant, cid.id);
  ASSERT_TRUE(accounts.resolve_dispute(mod, by_cid->dispute, false, "no evidence"));
  EXPECT_EQ(accounts.claim_of_researcher(R(7))->account, bob.id);
  EXPECT_FALSE(accounts.claim_of_account(cid.id));
  queue = accounts.moderation_queue(mod);
  EXPECT_TRUE(queue->disputes.empty());
  bool audited = false;
  for (const auto& entry : queue->audit) audited |= entry.action == "dispute.reject";
  EXPECT_TRUE(audited) << "the decision is in the audit log";
}

// A catalog with one researcher a kind of evidence on their source records.
std::map<std::string, model::ResearcherId> researchers_with_evidence(const std::string& location) {
  auto catalog = store::open_catalog(location);
  if (!catalog) throw std::runtime_error(catalog.error().message);
  auto work = [](const std::string& id, const std::string& name, auto&& fill) {
    model::Work w;
    w.external_id = "test:" + id;
    w.source = "test";
    w.type = "article";
    w.title = "On " + id;
    w.year = 2020;
    model::Authorship a;
    a.raw_name = name;
    fill(a);
    w.authors.push_back(a);
    return w;
  };
  EXPECT_TRUE((*catalog)->writer().upsert_works({
      work("orcid", "Ann Orcid", [](model::Authorship& a) { a.orcid = "0000-0002-1825-0097"; }),
      work("email", "Eve Mail", [](model::Authorship& a) { a.email = "eve@example.org"; }),
      work("domain", "Uma Uni", [](model::Authorship& a) { a.affiliation = "University of Tartu, Estonia"; }),
      work("plain", "Pat Plain", [](model::Authorship&) {}),
  }));
  auto names = identity::make_name_key_disambiguator();
  EXPECT_TRUE(identity::run_identity((*catalog)->identity(), *names));
  std::map<std::string, model::ResearcherId> ids;
  for (const char* name : {"Ann Orcid", "Eve Mail", "Uma Uni", "Pat Plain"}) {
    auto found = (*catalog)->reader().find_researchers(name, /*prefix=*/false, 5);
    EXPECT_TRUE(found && found->size() == 1) << name;
    if (found && !found->empty()) ids[name] = found->front().id;
  }
  return ids;
}

TEST_P(AccountsFlow, ClaimsReachL3OnlyWithEvidenceOnTheSourceRecords) {
  auto ids = researchers_with_evidence(catalog_location());
  ASSERT_EQ(ids.size(), 4u);
  AccountsUnderTest t(catalog_location());
  Accounts& accounts = t.accounts;
  auto level_of = [&](const std::string& email, model::ResearcherId researcher, const std::string& orcid) {
    auto claim = accounts.claim(verified_account(accounts, t.mails, email), researcher, orcid);
    EXPECT_TRUE(claim) << email;
    return claim ? std::make_pair(claim->claim.level, claim->claim.evidence) : std::make_pair(model::VerificationLevel::L1, "");
  };
  auto [orcid, orcid_why] = level_of("ann@example.com", ids["Ann Orcid"], "https://orcid.org/0000-0002-1825-0097");
  EXPECT_EQ(orcid, model::VerificationLevel::L3);
  EXPECT_NE(orcid_why.find("ORCID iD 0000-0002-1825-0097"), std::string::npos);
  auto [email, email_why] = level_of("eve@example.org", ids["Eve Mail"], "");
  EXPECT_EQ(email, model::VerificationLevel::L3);
  EXPECT_NE(email_why.find("verified email is on"), std::string::npos);
  auto [domain, domain_why] = level_of("uma@cs.tartu.ee", ids["Uma Uni"], "");
  EXPECT_EQ(domain, model::VerificationLevel::L3);
  EXPECT_NE(domain_why.find("University of Tartu"), std::string::npos);
  // A verified email alone, or an ORCID iD the records do not carry, is L2.
  auto [plain, plain_why] = level_of("pat@gmail.com", ids["Pat Plain"], "0000-0002-1694-233X");
  EXPECT_EQ(plain, model::VerificationLevel::L2);
  EXPECT_EQ(plain_why, "claimed by an account with a verified email");
}

TEST_P(AccountsFlow, SessionsEndAtLogoutAndExpiryAndOldLinksAreRefused) {
  {
    AccountsUnderTest t(catalog_location());
    auto ada = verified_account(t.accounts, t.mails, "ada@example.org");
    auto session = t.accounts.login("ada@example.org", "correct horse battery", "127.0.0.1");
    ASSERT_TRUE(session);
    ASSERT_TRUE(t.accounts.session(session->token));
    t.accounts.logout(session->token);
    EXPECT_FALSE(t.accounts.session(session->token)) << "logged out";
    // A reset ends every session of the account, and its link works once.
    auto other = t.accounts.login("ada@example.org", "correct horse battery", "127.0.0.1");
    ASSERT_TRUE(other);
    ASSERT_TRUE(t.accounts.request_password_reset("ada@example.org", "127.0.0.1"));
    t.accounts.wait_for_mail();
    const std::string reset = token_in(t.mails.back());
    ASSERT_TRUE(t.accounts.reset_password(reset, "a brand new password"));
    EXPECT_FALSE(t.accounts.session(other->token)) << "a reset ends the sessions";
    EXPECT_FALSE(t.accounts.reset_password(reset, "yet another password")) << "single use";
    EXPECT_TRUE(t.accounts.login("ada@example.org", "a brand new password", "127.0.0.1"));
  }
  // Limits in the past: every session, verification and reset link has already expired.
  Limits expired;
  expired.session_seconds = expired.verify_seconds = expired.reset_seconds = -1;
  AccountsUnderTest t(catalog_location(), expired);
  ASSERT_TRUE(t.accounts.signup("bob@example.org", "correct horse battery", "Bob"));
  t.accounts.wait_for_mail();
  auto verify = t.accounts.verify_email(token_in(t.mails.back()));
  ASSERT_FALSE(verify);
  EXPECT_NE(verify.error().message.find("expired"), std::string::npos) << verify.error().message;
  auto session = t.accounts.login("bob@example.org", "correct horse battery", "127.0.0.1");
  ASSERT_TRUE(session);
  EXPECT_FALSE(t.accounts.session(session->token)) << "an expired session is refused";
  ASSERT_TRUE(t.accounts.request_password_reset("bob@example.org", "127.0.0.1"));
  t.accounts.wait_for_mail();
  EXPECT_FALSE(t.accounts.reset_password(token_in(t.mails.back()), "a brand new password"));
  EXPECT_TRUE(t.accounts.login("bob@example.org", "correct horse battery", "127.0.0.1")) << "the old password stands";
}

TEST_P(AccountsFlow, InvitationsCanBeDeclinedOrBlockedAndAreLimited) {
  Limits limits;
  limits.invitations_per_hour = 2;
  AccountsUnderTest t(catalog_location(), limits);
  Accounts& accounts = t.accounts;
  auto ada = verified_account(accounts, t.mails, "ada@example.org");
  auto bob = verified_account(accounts, t.mails, "bob@example.org");
  auto cid = verified_account(accounts, t.mails, "cid@example.org");
  ASSERT_TRUE(accounts.claim(ada, R(7), ""));
  ASSERT_TRUE(accounts.set_open_to_collaborate(ada, R(7), false));
  auto closed = accounts.invite(bob, R(7), "Work together?", "Hello");
  ASSERT_FALSE(closed);
  EXPECT_EQ(closed.error().code, ErrorCode::forbidden) << "not open to collaboration";
  ASSERT_TRUE(accounts.set_open_to_collaborate(ada, R(7), true));

  // Declined: no replies from either side, and the inviter hears of it.
  auto first = accounts.invite(bob, R(7), "Work together?", "Hello");
  ASSERT_TRUE(first);
  auto not_invited = accounts.respond(bob, *first, true);
  ASSERT_FALSE(not_invited);
  EXPECT_EQ(not_invited.error().code, ErrorCode::forbidden) << "only the invited researcher answers";
  ASSERT_TRUE(accounts.respond(ada, *first, false));
  EXPECT_EQ(accounts.conversation(ada, *first)->status, "declined");
  EXPECT_FALSE(accounts.reply(bob, *first, "Please?"));
  EXPECT_FALSE(accounts.respond(ada, *first, true)) << "answered once";
  EXPECT_NE(accounts.notifications(bob, 5).front().text.find("declined"), std::string::npos);
  EXPECT_FALSE(accounts.conversation(cid, *first)) << "others do not see it";

  // Blocked: the conversation ends and the blocked account cannot invite again.
  auto second = accounts.invite(bob, R(7), "Once more", "Hello again");
  ASSERT_TRUE(second);
  ASSERT_TRUE(accounts.block(ada, *second));
  EXPECT_EQ(accounts.conversation(ada, *second)->status, "blocked");
  auto blocked = accounts.invite(bob, R(7), "Third", "Hello?");
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().code, ErrorCode::forbidden);

  // Two invitations an hour an account (the limit here): Cid's third is refused.
  ASSERT_TRUE(accounts.invite(cid, R(7), "One", "Hi"));
  ASSERT_TRUE(accounts.invite(cid, R(7), "Two", "Hi"));
  auto third = accounts.invite(cid, R(7), "Three", "Hi");
  ASSERT_FALSE(third);
  EXPECT_EQ(third.error().code, ErrorCode::rate_limited);
}

}  // namespace
}  // namespace bzpeer::accounts

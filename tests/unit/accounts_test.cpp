#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <thread>
#include <stdexcept>

#include "accounts/accounts.hpp"
#include "accounts/rate_limiter.hpp"
#include "accounts/secrets.hpp"
#include "accounts/validation.hpp"
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
  explicit AccountsUnderTest(const std::string& location)
      : accounts{fresh_store(location), std::make_unique<CollectingMailer>(mails), "http://test"} {}
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

// A verified, signed-in account of `email` (its verification mail is the last one sent).
model::Account verified_account(Accounts& accounts, std::vector<Mail>& mails, const std::string& email) {
  auto account = accounts.signup(email, "correct horse battery", email.substr(0, email.find('@')));
  EXPECT_TRUE(account);
  accounts.wait_for_mail();
  EXPECT_TRUE(accounts.verify_email(token_in(mails.back())));
  auto session = accounts.login(email, "correct horse battery", "127.0.0.1");
  EXPECT_TRUE(session);
  return session->account;
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

}  // namespace
}  // namespace bzpeer::accounts

#pragma once
// Outgoing mail goes through the store's outbox (AccountStore::queue_mail): a mail
// queued by one server survives that server's end, and whichever server delivers
// first sends it. A server's delivery thread (start_delivery) hands due mail to the
// Mailer, oldest first; a mail is given to it once, and the Mailer keeps what its relay
// refuses (smtp_mailer.hpp). A mail leased by a server that died goes out when the
// lease ends.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>

#include "accounts/outbox.hpp"
#include "core/result.hpp"
#include "store/account_store.hpp"

namespace bzpeer::accounts {

class MailQueue {
 public:
  static constexpr std::int64_t kLeaseSeconds = 120;  // for a relay's slowest answer

  MailQueue(store::AccountStore& store, Mailer& mailer) : store_(store), mailer_(mailer) {}
  ~MailQueue();
  MailQueue(const MailQueue&) = delete;
  MailQueue& operator=(const MailQueue&) = delete;

  // Queues the mail and wakes the delivery thread, if any.
  Status send(const Mail& mail);
  // Delivers in the background from now on (a server), looking for mail queued
  // elsewhere every `poll_seconds`.
  void start_delivery(int poll_seconds = 2);
  // Delivers every due mail on the caller's thread, after any delivery under way here
  // (tests, the CLI).
  void flush();

 private:
  void run(int poll_seconds);
  void deliver_due();

  store::AccountStore& store_;
  Mailer& mailer_;
  std::mutex delivering_;  // one delivery at a time in this process
  std::mutex mutex_;       // guards the three below
  std::condition_variable wake_;
  bool stopping_ = false, queued_ = false;
  std::thread thread_;
};

}  // namespace bzpeer::accounts

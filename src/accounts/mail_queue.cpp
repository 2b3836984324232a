#include "accounts/mail_queue.hpp"

#include <chrono>

#include "accounts/accounts.hpp"  // now_seconds

namespace bzpeer::accounts {

MailQueue::~MailQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Status MailQueue::send(const Mail& mail) {
  if (auto queued = store_.queue_mail(mail.to, mail.subject, mail.body, now_seconds()); !queued) return queued;
  {
    std::lock_guard lock(mutex_);
    queued_ = true;
  }
  wake_.notify_all();
  return Ok{};
}

void MailQueue::start_delivery(int poll_seconds) {
  if (!thread_.joinable()) thread_ = std::thread([this, poll_seconds] { run(poll_seconds); });
}

void MailQueue::flush() { deliver_due(); }

void MailQueue::deliver_due() {
  std::lock_guard one_at_a_time(delivering_);
  for (auto due = store_.take_mail(now_seconds(), kLeaseSeconds, 50); !due.empty();
       due = store_.take_mail(now_seconds(), kLeaseSeconds, 50))
    for (const auto& m : due) {
      (void)mailer_.send({m.to, m.subject, m.body});  // the mailer reports and keeps what fails
      (void)store_.forget_mail(m.id);
    }
}

void MailQueue::run(int poll_seconds) {
  for (;;) {
    deliver_due();
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::seconds(poll_seconds), [this] { return stopping_ || queued_; });
    if (stopping_) return;
    queued_ = false;
  }
}

}  // namespace bzpeer::accounts

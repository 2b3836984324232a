#pragma once
// Work done after the answer: mails, and whatever would make a request for an account
// that exists take longer than one for an account that does not (so timing tells
// nobody which emails have accounts). One thread, in order; drained on destruction.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace bzpeer::accounts {

class Background {
 public:
  Background();
  ~Background();
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  void post(std::function<void()> job);
  // Waits until every job posted before the call has run (tests, the CLI).
  void drain();

 private:
  void run();
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false, busy_ = false;
  std::thread thread_;
};

}  // namespace bzpeer::accounts

#pragma once
// Counts events per key in a sliding window, in the account store: every server behind
// a load balancer sees the same counts, and a restart forgets none of them. Keys are
// stored as hashes (the table collects no list of tried emails or addresses).
#include <cstdint>
#include <string>

#include "store/account_store.hpp"

namespace bzpeer::accounts {

class RateLimiter {
 public:
  RateLimiter(store::AccountStore& store, std::string scope, int max_events, std::int64_t window_seconds)
      : store_(store), scope_(std::move(scope)), max_(max_events), window_(window_seconds) {}
  // Seconds until `key` may act again (0: it may now).
  std::int64_t wait_seconds(const std::string& key, std::int64_t now);
  void record(const std::string& key, std::int64_t now);
  void clear(const std::string& key);

 private:
  store::AccountStore& store_;
  std::string scope_;
  int max_;
  std::int64_t window_;
};

}  // namespace bzpeer::accounts

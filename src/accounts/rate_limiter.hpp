#pragma once
// Counts events per key in a sliding window (in memory: login attempts reset with the
// server, which only ever loosens the limit for a moment).
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace bzpeer::accounts {

class RateLimiter {
 public:
  RateLimiter(int max_events, std::int64_t window_seconds) : max_(max_events), window_(window_seconds) {}
  // Seconds until `key` may act again (0: it may now).
  std::int64_t wait_seconds(const std::string& key, std::int64_t now);
  void record(const std::string& key, std::int64_t now);
  void clear(const std::string& key);

 private:
  void expire(std::deque<std::int64_t>& events, std::int64_t now) const;
  int max_;
  std::int64_t window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<std::int64_t>> events_;
};

}  // namespace bzpeer::accounts

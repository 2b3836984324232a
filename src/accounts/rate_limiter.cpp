#include "accounts/rate_limiter.hpp"

namespace bzpeer::accounts {

void RateLimiter::expire(std::deque<std::int64_t>& events, std::int64_t now) const {
  while (!events.empty() && events.front() <= now - window_) events.pop_front();
}

std::int64_t RateLimiter::wait_seconds(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto it = events_.find(key);
  if (it == events_.end()) return 0;
  expire(it->second, now);
  if (static_cast<int>(it->second.size()) < max_) return 0;
  return it->second.front() + window_ - now;
}

void RateLimiter::record(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  auto& events = events_[key];
  expire(events, now);
  events.push_back(now);
}

void RateLimiter::clear(const std::string& key) {
  std::lock_guard lock(mutex_);
  events_.erase(key);
}

}  // namespace bzpeer::accounts

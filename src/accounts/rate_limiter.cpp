#include "accounts/rate_limiter.hpp"

#include <algorithm>

#include "accounts/secrets.hpp"

namespace bzpeer::accounts {

std::int64_t RateLimiter::wait_seconds(const std::string& key, std::int64_t now) {
  auto window = store_.rate_window(scope_, token_hash(key), now - window_);
  if (window.events < max_) return 0;
  return std::max<std::int64_t>(1, window.oldest + window_ - now);
}

void RateLimiter::record(const std::string& key, std::int64_t now) {
  // A failure to count only loosens the limit for a moment: the request goes on.
  (void)store_.record_rate_event(scope_, token_hash(key), now, now - window_);
}

void RateLimiter::clear(const std::string& key) { (void)store_.clear_rate_events(scope_, token_hash(key)); }

}  // namespace bzpeer::accounts

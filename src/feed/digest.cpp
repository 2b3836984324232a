#include "feed/digest.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace bzpeer::feed {

FeedQuery digest_query() {
  FeedQuery q;
  q.days = 7;
  q.limit = 10;
  return q;
}

std::string digest_text(const FeedPage& page, const std::string& display_name, const std::string& site) {
  std::string out = "Hello " + display_name + ",\n\nThe week's new works for you on BZPEER:\n\n";
  int n = 0;
  for (const auto& item : page.items) {
    const auto& w = item.work;
    char score[16];
    std::snprintf(score, sizeof score, "%.1f", item.score);
    out += std::to_string(++n) + ". " + w.title + " (" + score + ")\n   " + text::names_with_et_al(w.authors, 3) + "\n";
    for (const auto& r : item.reasons) out += "   - " + reason_text(r) + "\n";
    if (!w.url.empty() && (w.url.rfind("https://", 0) == 0 || w.url.rfind("http://", 0) == 0)) out += "   " + w.url + "\n";
    out += "\n";
  }
  out += "Your whole feed: " + site + "/feed\nTo stop these mails, turn off the weekly digest on " + site + "/feed.\n";
  return out;
}

}  // namespace bzpeer::feed

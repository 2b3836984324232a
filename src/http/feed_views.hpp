#pragma once
// The feed as a page, as JSON and as Atom.
#include <nlohmann/json.hpp>
#include <string>

#include "feed/reader_feed.hpp"

namespace bzpeer::http {

struct FeedPageView {
  const feed::FeedPage* page = nullptr;
  bool personal = false, signed_in = false, weekly_digest = false;
  std::string csrf_token, sort, category, days, atom_href, next_href, back;
  size_t offset = 0;
};

std::string render_feed_page(const FeedPageView& v);
// The start page: the search box, and the newest works as a visitor's feed shows them.
std::string render_home_page(std::uint64_t work_count, const feed::FeedPage& newest);
// One result of /api/v1/feed: {work:{...}, score, reasons[], top_terms[]}.
nlohmann::json feed_item_json(const feed::FeedItem& item);
// An Atom 1.0 document of the items; `self` is the feed's own URL, `site` the public URL.
std::string render_atom(const feed::FeedPage& page, const std::string& title, const std::string& self,
                        const std::string& site);

// "CV" from "cs.CV"; "May 25, 2022" from "2022-05-25" (the year alone when that is all).
std::string short_category(const std::string& category);
std::string display_date(const std::string& date, int year);

}  // namespace bzpeer::http

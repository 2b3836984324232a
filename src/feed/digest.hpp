#pragma once
// The weekly digest mail: the week's best works of a reader's feed, each with its reason.
#include <string>

#include "feed/reader_feed.hpp"

namespace bzpeer::feed {

// The feed query a digest ranks: the last 7 days of the catalog, best first, ten works.
FeedQuery digest_query();
// The mail's text (plain), with links under `site` ("http://host:port").
std::string digest_text(const FeedPage& page, const std::string& display_name, const std::string& site);

}  // namespace bzpeer::feed

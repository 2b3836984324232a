#pragma once
// An account's interests as the feed reads them: its claimed record, the researchers,
// topics and fields it follows, and its marks on works.
#include "accounts/accounts.hpp"
#include "feed/reader_feed.hpp"

namespace bzpeer::feed {

ReaderInterests interests_of(accounts::Accounts& accounts, model::AccountId account);

}  // namespace bzpeer::feed

#include "feed/account_interests.hpp"

namespace bzpeer::feed {

ReaderInterests interests_of(accounts::Accounts& accounts, model::AccountId account) {
  ReaderInterests r;
  if (auto claim = accounts.claim_of_account(account)) r.claimed = claim->researcher;
  for (const auto& target : accounts.following(account)) {
    if (model::ResearcherId id = model::parse_researcher_id(target))
      r.followed.push_back(id);
    else if (target.rfind("topic:", 0) == 0 && target.size() > 6)
      r.topics.push_back(target.substr(6));  // "topic:<label>"
    else if (target.rfind("field:", 0) == 0 && target.size() > 6)
      r.categories.push_back(target.substr(6));  // "field:cs.CL", a category
  }
  for (const auto& m : accounts.work_marks(account)) {
    switch (m.mark) {
      case model::FeedMark::saved: r.saved.push_back(m.work); break;
      case model::FeedMark::liked: r.liked.push_back(m.work); break;
      case model::FeedMark::dismissed: r.dismissed.push_back(m.work); break;
    }
  }
  return r;
}

}  // namespace bzpeer::feed

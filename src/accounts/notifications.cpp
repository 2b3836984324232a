// Notifications: what happened to an account's conversations and claims, kept for its
// account page and mailed (off the request path, like every mail).
#include "accounts/accounts.hpp"

namespace bzpeer::accounts {

void Accounts::notify(model::AccountId to, const std::string& kind, const std::string& text, const std::string& link) {
  model::Notification n{0, kind, text, link, now_seconds(), false};
  if (auto added = store_->add_notification(to, n); !added) return;  // the action stands; its notice is lost
  background_.post([this, to, n] {
    auto account = store_->account(to);
    if (!account || !account->email_verified) return;
    (void)mail_.send({account->email, "BZPEER: " + n.text,
                         "Hello " + account->display_name + ",\n\n" + n.text + "\n\n" + public_url_ + n.link +
                             "\n\nYou get this mail because of your BZPEER account; the same notice is on your account page.\n"});
  });
}

std::vector<model::Notification> Accounts::notifications(const model::Account& account, int limit) {
  return store_->notifications(account.id, limit);
}

int Accounts::unread_notifications(const model::Account& account) { return store_->unread_notifications(account.id); }

Status Accounts::mark_notifications_read(const model::Account& account, std::int64_t up_to_id) {
  return store_->mark_notifications_read(account.id, up_to_id);
}

}  // namespace bzpeer::accounts

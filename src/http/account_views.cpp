#include "http/account_views.hpp"

#include <ctime>
#include <optional>

#include "http/templates.hpp"

namespace bzpeer::http {

namespace {
std::string utc(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  char buf[32];
  std::tm parts{};
  gmtime_r(&tt, &parts);  // server threads: not the shared buffer of std::gmtime
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &parts);
  return buf;
}
// [{first_key: a, second_key: b}, ...] for Mustache.
data pair_list(const std::vector<std::pair<std::string, std::string>>& pairs, const char* first_key,
               const char* second_key) {
  data list{data::type::list};
  for (const auto& [a, b] : pairs) {
    data item;
    item.set(first_key, a);
    item.set(second_key, b);
    list.push_back(item);
  }
  return list;
}

}  // namespace

std::string render_form_page(const FormPage& p) {
  data d;
  d.set("heading", p.heading);
  d.set("intro", p.intro);
  // Set only when there is something to say: Mustache shows an empty string's section.
  if (!p.error.empty()) d.set("error", p.error);
  if (!p.notice.empty()) d.set("notice", p.notice);
  d.set("action", p.action);
  d.set("submit", p.submit);
  d.set("csrf_token", p.csrf_token);
  data fields{data::type::list};
  for (const auto& f : p.fields) {
    data item;
    item.set("label", f.label);
    item.set("name", f.name);
    item.set("type", f.type);
    item.set("value", f.value);
    item.set("autocomplete", f.autocomplete);
    item.set("required", f.required);
    item.set("max", std::to_string(f.max));
    fields.push_back(item);
  }
  d.set("fields", fields);
  d.set("has_fields", !p.fields.empty());
  d.set("hidden", pair_list(p.hidden, "name", "value"));
  d.set("links", pair_list(p.links, "href", "text"));
  return render_in_layout("form", d, p.title + " - BZPEER");
}

std::string render_account_page(const AccountPageView& v) {
  const model::Account& a = *v.account;
  const auto& name_of = v.name_of;
  data d;
  d.set("display_name", a.display_name);
  d.set("email", a.email);
  d.set("verified", a.email_verified);
  d.set("moderator", a.role == model::Role::moderator);
  d.set("csrf_token", v.csrf_token);
  if (v.claim) {
    d.set("claim_id", model::format_researcher_id(v.claim->researcher));
    d.set("claim_name", name_of(v.claim->researcher));
    d.set("claim_level", std::string(model::name(v.claim->level)));
  }
  data list{data::type::list};
  for (const auto& target : v.following) {
    data item;
    bool researcher = !target.empty() && target[0] == 'R';
    model::ResearcherId id = researcher ? model::parse_researcher_id(target) : model::ResearcherId();
    item.set("label", researcher ? (id ? name_of(id) : target) : target.substr(target.find(':') + 1));
    if (researcher) item.set("href", "/researchers/" + target);
    else item.set("href", topic_href(target));
    list.push_back(item);
  }
  d.set("following", list);
  d.set("has_following", !v.following.empty());
  data convs{data::type::list};
  for (const auto& c : v.conversations) {
    data item;
    item.set("id", std::to_string(c.id));
    item.set("subject", c.subject);
    item.set("with", c.initiator == a.id ? c.researcher_name : c.initiator_name);
    item.set("status", c.status);
    convs.push_back(item);
  }
  d.set("conversations", convs);
  d.set("has_conversations", !v.conversations.empty());
  data notices{data::type::list};
  int unread = 0;
  for (const auto& n : v.notifications) {
    data item;
    item.set("text", n.text);
    item.set("href", n.link);
    item.set("when", utc(n.at));
    if (!n.read) {
      item.set("unread", true);
      ++unread;
    }
    notices.push_back(item);
  }
  d.set("notifications", notices);
  d.set("has_notifications", !v.notifications.empty());
  if (unread) d.set("unread", plural(unread, "new notice"));
  return render_in_layout("account", d, "Your account - BZPEER");
}

std::string render_conversation_page(const model::Conversation& c, model::AccountId viewer, const std::string& csrf_token,
                                     const std::string& error) {
  data d;
  d.set("id", std::to_string(c.id));
  d.set("researcher_id", model::format_researcher_id(c.researcher));
  d.set("researcher_name", c.researcher_name.empty() ? model::format_researcher_id(c.researcher) : c.researcher_name);
  d.set("subject", c.subject);
  d.set("status", c.status);
  d.set("csrf_token", csrf_token);
  if (!error.empty()) d.set("error", error);
  d.set("can_answer", c.status == "invited" && c.researcher_account == viewer);
  d.set("waiting", c.status == "invited" && c.initiator == viewer);
  d.set("can_reply", c.status == "accepted");
  data messages{data::type::list};
  for (const auto& m : c.messages) {
    data item;
    item.set("sender", m.sender_name);
    item.set("when", utc(m.created_at));
    item.set("body", m.body);
    messages.push_back(item);
  }
  d.set("messages", messages);
  return render_in_layout("conversation", d, c.subject + " - BZPEER");
}

}  // namespace bzpeer::http

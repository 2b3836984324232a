// Accounts over JSON: sign-up, login, sessions, verification, password reset, claims,
// follows, corrections and "open to collaborate". State-changing calls need the session
// cookie and the X-CSRF-Token header.
#include <nlohmann/json.hpp>

#include "accounts/claim_rules.hpp"
#include "enrich/trust.hpp"
#include "http/account_http.hpp"
#include "http/json_views.hpp"
#include "http/routes.hpp"

namespace bzpeer::http {

namespace {

using nlohmann::json;

json account_json(const model::Account& a) {
  return {{"id", a.id.value()}, {"email", a.email}, {"display_name", a.display_name}, {"email_verified", a.email_verified},
          {"orcid", a.orcid.empty() ? json(nullptr) : json(a.orcid)}, {"role", model::name(a.role)}};
}

void handle_signup_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  auto account = accounts.signup(string_field(*body, "email"), string_field(*body, "password"), string_field(*body, "display_name"));
  // A taken email gets the same answer as a new one (its owner gets a mail instead).
  if (!account && account.error().code != ErrorCode::conflict) return send_error(res, account.error());
  send_json(res, 202, json{{"message", "check your email: a link to finish signing up is on its way"}});
}

void handle_login_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  auto session = accounts.login(string_field(*body, "email"), string_field(*body, "password"), req.remote_addr);
  if (!session) return send_error(res, session.error());
  set_session_cookie(req, res, session->token);
  send_json(res, 200, json{{"csrf_token", session->csrf_token}, {"account", account_json(session->account)}});
}

void handle_logout_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, /*csrf=*/true);
  if (!session) return;
  accounts.logout(session->token);
  clear_session_cookie(req, res);
  send_json(res, 200, json{{"message", "logged out"}});
}

void handle_me_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, /*csrf=*/false);
  if (!session) return;
  json out = {{"account", account_json(session->account)}, {"csrf_token", session->csrf_token},
              {"following", accounts.following(session->account.id)}};
  if (auto claim = accounts.claim_of_account(session->account.id))
    out["claim"] = {{"researcher_id", model::format_researcher_id(claim->researcher)},
                    {"verification_level", model::name(claim->level)}, {"evidence", claim->evidence},
                    {"open_to_collaborate", claim->open_to_collaborate}};
  send_json(res, 200, out);
}

// Newest first; `unread` counts those the account page has not shown yet.
void handle_notifications_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, /*csrf=*/false);
  if (!session) return;
  json list = json::array();
  const int unread = accounts.unread_notifications(session->account);
  auto notices = accounts.notifications(session->account, 50);
  for (const auto& n : notices)
    list.push_back({{"id", n.id}, {"kind", n.kind}, {"text", n.text}, {"link", n.link}, {"at", n.at}, {"read", n.read}});
  send_json(res, 200, json{{"meta", {{"count", notices.size()}, {"unread", unread}}}, {"results", list}});
}

void handle_verify_email_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  if (auto s = accounts.verify_email(string_field(*body, "token")); !s) return send_error(res, s.error());
  send_json(res, 200, json{{"message", "email verified"}});
}

void handle_password_reset_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  if (auto asked = accounts.request_password_reset(string_field(*body, "email"), req.remote_addr); !asked)
    return send_error(res, asked.error());
  send_json(res, 202, json{{"message", "if the address has an account, a reset link is on its way"}});
}

void handle_password_reset_confirm_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  if (auto s = accounts.reset_password(string_field(*body, "token"), string_field(*body, "password")); !s) return send_error(res, s.error());
  send_json(res, 200, json{{"message", "password changed; log in again"}});
}

void handle_claim_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  auto body = json_body(req, /*optional=*/true);
  if (!body) return send_error(res, body.error());
  auto outcome = accounts.claim(session->account, *researcher, string_field(*body, "orcid"));
  if (!outcome) return send_error(res, outcome.error());
  if (outcome->dispute)
    return send_json(res, 409, json{{"error", {{"status", 409}, {"message", "this record is already claimed; a moderator will review your claim"}}},
                                    {"dispute_id", outcome->dispute}});
  send_json(res, 201, json{{"researcher_id", model::format_researcher_id(*researcher)},
                           {"verification_level", model::name(outcome->claim.level)}, {"evidence", outcome->claim.evidence}});
}

// Follows or unfollows `target` (a researcher or topic id) and answers with the new state.
void set_following(httplib::Response& res, accounts::Accounts& accounts, const model::Account& account,
                   const std::string& target, bool on) {
  auto s = on ? accounts.follow(account, target) : accounts.unfollow(account, target);
  if (!s) return send_error(res, s.error());
  send_json(res, 200, json{{"following", on}, {"followers_count", accounts.followers(target)}});
}

auto follow_researcher(const httplib::Request& req, httplib::Response& res, bool on, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  set_following(res, accounts, session->account, model::format_researcher_id(*researcher), on);
}

void handle_follow_researcher_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  follow_researcher(req, res, true, deps);
}

void handle_unfollow_researcher_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  follow_researcher(req, res, false, deps);
}

auto follow_topic(const httplib::Request& req, httplib::Response& res, bool on, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  std::string topic = req.get_param_value("id");
  if ((topic.rfind("topic:", 0) != 0 && topic.rfind("field:", 0) != 0) || topic.size() > 200)
    return send_json_error(res, 400, "parameter 'id' must be a topic id (topic:... or field:...)");
  set_following(res, accounts, session->account, topic, on);
}

void handle_follow_topic_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  follow_topic(req, res, true, deps);
}

void handle_unfollow_topic_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  follow_topic(req, res, false, deps);
}

void handle_correct_work_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  std::int64_t work = std::stoll(req.matches[2].str().substr(0, 15));
  // The pattern admits only the three actions.
  model::WorkCorrection correction{*researcher, work, *model::parse_correction_action(req.matches[3].str())};
  if (auto s = accounts::check_correction(catalogs.reader(), correction); !s) return send_error(res, s.error());
  if (auto s = accounts.correct(session->account, correction); !s) return send_error(res, s.error());
  send_json(res, 200, json{{"researcher_id", model::format_researcher_id(*researcher)}, {"work_id", "W" + std::to_string(work)},
                           {"action", req.matches[3]}, {"message", "saved; identity applies it at the next build"}});
}

// "This record is also me": every work of researcher `from` is added to the claimed one.
void handle_add_works_from_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto mine = existing_researcher(req.matches[1], catalogs.reader());
  if (!mine) return send_error(res, mine.error());
  auto other = existing_researcher(req.matches[2], catalogs.reader());
  if (!other) return send_error(res, other.error());
  auto works = accounts::works_to_add(catalogs.reader(), *mine, *other);
  if (!works) return send_error(res, works.error());
  auto added = accounts.add_works_of(session->account, *mine, *other, *works);
  if (!added) return send_error(res, added.error());
  send_json(res, 200, json{{"researcher_id", model::format_researcher_id(*mine)},
                           {"from", model::format_researcher_id(*other)},
                           {"added", *added},
                           {"message", "saved; identity applies it at the next build"}});
}

void handle_collaboration_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  auto open = body->find("open_to_collaborate");
  if (open == body->end() || !open->is_boolean()) return send_json_error(res, 400, "open_to_collaborate: true or false");
  if (auto s = accounts.set_open_to_collaborate(session->account, *researcher, open->get<bool>()); !s)
    return send_error(res, s.error());
  send_json(res, 200, json{{"open_to_collaborate", open->get<bool>()}});
}

}  // namespace

std::vector<Route> account_api_routes() {
  return {
      {Method::post, "/api/v1/signup", handle_signup_api},
      {Method::post, "/api/v1/login", handle_login_api},
      {Method::post, "/api/v1/logout", handle_logout_api},
      {Method::get, "/api/v1/me", handle_me_api},
      {Method::get, "/api/v1/notifications", handle_notifications_api},
      {Method::post, "/api/v1/verify", handle_verify_email_api},
      {Method::post, "/api/v1/password-reset", handle_password_reset_api},
      {Method::post, "/api/v1/password-reset/confirm", handle_password_reset_confirm_api},
      {Method::post, R"(/api/v1/researchers/([^/]+)/claim)", handle_claim_api},
      {Method::post, R"(/api/v1/researchers/([^/]+)/follow)", handle_follow_researcher_api},
      {Method::del, R"(/api/v1/researchers/([^/]+)/follow)", handle_unfollow_researcher_api},
      {Method::post, "/api/v1/topics/follow", handle_follow_topic_api},
      {Method::del, "/api/v1/topics/follow", handle_unfollow_topic_api},
      {Method::post, R"(/api/v1/researchers/([^/]+)/works/W?(\d+)/(confirm|remove|add))", handle_correct_work_api},
      {Method::post, R"(/api/v1/researchers/([^/]+)/works/from/([^/]+))", handle_add_works_from_api},
      {Method::put, R"(/api/v1/researchers/([^/]+)/collaboration)", handle_collaboration_api},
  };
}

}  // namespace bzpeer::http

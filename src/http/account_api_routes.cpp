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
  return {{"id", a.id}, {"email", a.email}, {"display_name", a.display_name}, {"email_verified", a.email_verified},
          {"orcid", a.orcid.empty() ? json(nullptr) : json(a.orcid)}, {"role", a.role}};
}

}  // namespace

void register_account_api_routes(httplib::Server& server, CatalogPool& catalogs, accounts::Accounts& accounts) {
  server.Post("/api/v1/signup", [&](const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req);
    if (!body) return send_error(res, body.error());
    auto account = accounts.signup(string_field(*body, "email"), string_field(*body, "password"), string_field(*body, "display_name"));
    // A taken email gets the same answer as a new one (its owner gets a mail instead).
    if (!account && account.error().code != ErrorCode::conflict) return send_error(res, account.error());
    send_json(res, 202, json{{"message", "check your email: a link to finish signing up is on its way"}});
  });

  server.Post("/api/v1/login", [&](const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req);
    if (!body) return send_error(res, body.error());
    auto session = accounts.login(string_field(*body, "email"), string_field(*body, "password"), req.remote_addr);
    if (!session) return send_error(res, session.error());
    set_session_cookie(req, res, session->token);
    send_json(res, 200, json{{"csrf_token", session->csrf_token}, {"account", account_json(session->account)}});
  });

  server.Post("/api/v1/logout", [&](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(req, res, accounts, /*csrf=*/true);
    if (!session) return;
    accounts.logout(session->token);
    clear_session_cookie(req, res);
    send_json(res, 200, json{{"message", "logged out"}});
  });

  server.Get("/api/v1/me", [&](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(req, res, accounts, /*csrf=*/false);
    if (!session) return;
    json out = {{"account", account_json(session->account)}, {"csrf_token", session->csrf_token},
                {"following", accounts.following(session->account.id)}};
    if (auto claim = accounts.claim_of_account(session->account.id))
      out["claim"] = {{"researcher_id", model::format_researcher_id(claim->researcher)},
                      {"verification_level", claim->level}, {"evidence", claim->evidence},
                      {"open_to_collaborate", claim->open_to_collaborate}};
    send_json(res, 200, out);
  });

  // Newest first; `unread` counts those the account page has not shown yet.
  server.Get("/api/v1/notifications", [&](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(req, res, accounts, /*csrf=*/false);
    if (!session) return;
    json list = json::array();
    const int unread = accounts.unread_notifications(session->account);
    auto notices = accounts.notifications(session->account, 50);
    for (const auto& n : notices)
      list.push_back({{"id", n.id}, {"kind", n.kind}, {"text", n.text}, {"link", n.link}, {"at", n.at}, {"read", n.read}});
    send_json(res, 200, json{{"meta", {{"count", notices.size()}, {"unread", unread}}}, {"results", list}});
  });

  server.Post("/api/v1/verify", [&](const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req);
    if (!body) return send_error(res, body.error());
    if (auto s = accounts.verify_email(string_field(*body, "token")); !s) return send_error(res, s.error());
    send_json(res, 200, json{{"message", "email verified"}});
  });

  server.Post("/api/v1/password-reset", [&](const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req);
    if (!body) return send_error(res, body.error());
    if (auto asked = accounts.request_password_reset(string_field(*body, "email"), req.remote_addr); !asked)
      return send_error(res, asked.error());
    send_json(res, 202, json{{"message", "if the address has an account, a reset link is on its way"}});
  });

  server.Post("/api/v1/password-reset/confirm", [&](const httplib::Request& req, httplib::Response& res) {
    auto body = json_body(req);
    if (!body) return send_error(res, body.error());
    if (auto s = accounts.reset_password(string_field(*body, "token"), string_field(*body, "password")); !s) return send_error(res, s.error());
    send_json(res, 200, json{{"message", "password changed; log in again"}});
  });

  server.Post(R"(/api/v1/researchers/([^/]+)/claim)", [&](const httplib::Request& req, httplib::Response& res) {
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
                             {"verification_level", outcome->claim.level}, {"evidence", outcome->claim.evidence}});
  });

  auto follow_researcher = [&](const httplib::Request& req, httplib::Response& res, bool on) {
    auto session = require_session(req, res, accounts, true);
    if (!session) return;
    auto researcher = existing_researcher(req.matches[1], catalogs.reader());
    if (!researcher) return send_error(res, researcher.error());
    std::string target = model::format_researcher_id(*researcher);
    auto s = on ? accounts.follow(session->account, target) : accounts.unfollow(session->account, target);
    if (!s) return send_error(res, s.error());
    send_json(res, 200, json{{"following", on}, {"followers_count", accounts.followers(target)}});
  };
  server.Post(R"(/api/v1/researchers/([^/]+)/follow)", [=](const httplib::Request& req, httplib::Response& res) { follow_researcher(req, res, true); });
  server.Delete(R"(/api/v1/researchers/([^/]+)/follow)", [=](const httplib::Request& req, httplib::Response& res) { follow_researcher(req, res, false); });

  auto follow_topic = [&](const httplib::Request& req, httplib::Response& res, bool on) {
    auto session = require_session(req, res, accounts, true);
    if (!session) return;
    std::string topic = req.get_param_value("id");
    if ((topic.rfind("topic:", 0) != 0 && topic.rfind("field:", 0) != 0) || topic.size() > 200)
      return send_json_error(res, 400, "parameter 'id' must be a topic id (topic:... or field:...)");
    auto s = on ? accounts.follow(session->account, topic) : accounts.unfollow(session->account, topic);
    if (!s) return send_error(res, s.error());
    send_json(res, 200, json{{"following", on}, {"followers_count", accounts.followers(topic)}});
  };
  server.Post("/api/v1/topics/follow", [=](const httplib::Request& req, httplib::Response& res) { follow_topic(req, res, true); });
  server.Delete("/api/v1/topics/follow", [=](const httplib::Request& req, httplib::Response& res) { follow_topic(req, res, false); });

  server.Post(R"(/api/v1/researchers/([^/]+)/works/W?(\d+)/(confirm|remove|add))", [&](const httplib::Request& req, httplib::Response& res) {
    auto session = require_session(req, res, accounts, true);
    if (!session) return;
    auto researcher = existing_researcher(req.matches[1], catalogs.reader());
    if (!researcher) return send_error(res, researcher.error());
    std::int64_t work = std::stoll(req.matches[2].str().substr(0, 15));
    model::WorkCorrection correction{*researcher, work, req.matches[3]};
    if (auto s = accounts::check_correction(catalogs.reader(), correction); !s) return send_error(res, s.error());
    if (auto s = accounts.correct(session->account, correction); !s) return send_error(res, s.error());
    send_json(res, 200, json{{"researcher_id", model::format_researcher_id(*researcher)}, {"work_id", "W" + std::to_string(work)},
                             {"action", req.matches[3]}, {"message", "saved; identity applies it at the next build"}});
  });

  // "This record is also me": every work of researcher `from` is added to the claimed one.
  server.Post(R"(/api/v1/researchers/([^/]+)/works/from/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
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
  });

  server.Put(R"(/api/v1/researchers/([^/]+)/collaboration)", [&](const httplib::Request& req, httplib::Response& res) {
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
  });
}

}  // namespace bzpeer::http

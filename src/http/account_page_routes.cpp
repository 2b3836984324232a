// Account pages: HTML forms that post back here (with the session's CSRF token in a
// hidden field) and redirect, so the workflows run without JavaScript.
#include "accounts/claim_rules.hpp"
#include "http/account_http.hpp"
#include "http/account_views.hpp"
#include "http/html_views.hpp"
#include "http/json_views.hpp"
#include "http/redirect_target.hpp"
#include "http/routes.hpp"
#include "http/templates.hpp"

namespace bzpeer::http {

namespace {

// Only paths on this site: `next` must not send people to another one. Without `next`
// the account page; with one that leaves the site, the home page.
std::string safe_next(const std::string& next) { return next.empty() ? "/account" : same_origin_path(next, "/"); }

std::string param(const httplib::Request& req, const char* name) { return req.get_param_value(name); }

void redirect(httplib::Response& res, const std::string& to) { res.set_redirect(to, 303); }

FormPage signup_form() {
  FormPage f{"Sign up", "Create your account", "Follow researchers, claim your author record and start conversations.",
             "", "", "/signup", "Sign up", "", {}, {}, {{"/login", "Already have an account? Log in"}}};
  f.fields = {{"Name", "display_name", "text", "", "name", true, 100},
              {"Email", "email", "email", "", "email", true, 254},
              {"Password (10 characters or more)", "password", "password", "", "new-password", true, 200}};
  return f;
}

FormPage login_form(const std::string& next) {
  FormPage f{"Log in", "Log in", "", "", "", "/login", "Log in", "", {}, {{"next", next}},
             {{"/signup", "No account yet? Sign up"}, {"/forgot", "Forgot your password?"}}};
  f.fields = {{"Email", "email", "email", "", "email", true, 254},
              {"Password", "password", "password", "", "current-password", true, 200}};
  return f;
}

void handle_signup_form_page(const httplib::Request&, httplib::Response& res, Deps&) {
  send_html(res, 200, render_form_page(signup_form()));
}

void handle_signup_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto account = accounts.signup(param(req, "email"), param(req, "password"), param(req, "display_name"));
  FormPage f = signup_form();
  // A taken email gets the same page as a new one (its owner gets a mail instead).
  if (!account && account.error().code != ErrorCode::conflict) {
    f.error = account.error().message;
    f.fields[0].value = param(req, "display_name");
    f.fields[1].value = param(req, "email");
    return send_html(res, 400, render_form_page(f));
  }
  FormPage done = login_form("/account");
  done.notice = "Check your email: we sent a link to finish signing up. You can log in meanwhile.";
  send_html(res, 202, render_form_page(done));
}

void handle_login_form_page(const httplib::Request& req, httplib::Response& res, Deps&) {
  send_html(res, 200, render_form_page(login_form(safe_next(param(req, "next")))));
}

void handle_login_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = accounts.login(param(req, "email"), param(req, "password"), req.remote_addr);
  if (!session) {
    FormPage f = login_form(safe_next(param(req, "next")));
    f.error = session.error().message;
    f.fields[0].value = param(req, "email");
    return send_html(res, http_status(session.error().code), render_form_page(f));
  }
  set_session_cookie(req, res, session->token);
  redirect(res, safe_next(param(req, "next")));
}

void handle_logout_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  if (auto session = current_session(req, accounts); session && csrf_ok(req, *session)) accounts.logout(session->token);
  clear_session_cookie(req, res);
  redirect(res, "/");
}

void handle_verify_email_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  FormPage f{"Verify email", "Email verification", "", "", "", "", "", "", {}, {}, {{"/account", "Go to your account"}}};
  auto s = accounts.verify_email(param(req, "token"));
  if (s) f.notice = "Your email is verified. You can now claim your researcher record.";
  else f.error = s.error().message;
  send_html(res, s ? 200 : 400, render_form_page(f));
}

void handle_forgot_form_page(const httplib::Request&, httplib::Response& res, Deps&) {
  FormPage f{"Forgot password", "Reset your password", "We will email you a link.", "", "", "/forgot", "Send the link", "", {}, {}, {}};
  f.fields = {{"Email", "email", "email", "", "email", true, 254}};
  send_html(res, 200, render_form_page(f));
}

void handle_forgot_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  if (auto asked = accounts.request_password_reset(param(req, "email"), req.remote_addr); !asked)
    return send_html(res, 429, render_error_page(429, asked.error().message));
  FormPage f{"Forgot password", "Reset your password", "", "", "If the address has an account, a reset link is on its way.",
             "", "", "", {}, {}, {{"/login", "Log in"}}};
  send_html(res, 200, render_form_page(f));
}

void handle_reset_form_page(const httplib::Request& req, httplib::Response& res, Deps&) {
  FormPage f{"New password", "Choose a new password", "", "", "", "/reset", "Set password", "", {}, {{"token", param(req, "token")}}, {}};
  f.fields = {{"New password (10 characters or more)", "password", "password", "", "new-password", true, 200}};
  send_html(res, 200, render_form_page(f));
}

void handle_reset_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto s = accounts.reset_password(param(req, "token"), param(req, "password"));
  FormPage f = login_form("/account");
  if (s) f.notice = "Password changed. Log in with the new one.";
  else f.error = s.error().message;
  send_html(res, s ? 200 : 400, render_form_page(f));
}

// Pages behind a session: without one, to the login page and back.
std::optional<accounts::Session> signed_in(const httplib::Request& req, httplib::Response& res, bool post, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = current_session(req, accounts);
  if (!session) {
    redirect(res, "/login?next=" + url_encode(post ? "/account" : req.path));
    return std::nullopt;
  }
  if (post && !csrf_ok(req, *session)) {
    send_html(res, 403, render_error_page(403, "This form expired or came from another site. Go back, reload and try again."));
    return std::nullopt;
  }
  return session;
}

void handle_account_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, false, deps);
  if (!session) return;
  const auto& a = session->account;
  auto& catalog = catalogs.reader();
  auto name_of = [&catalog](model::ResearcherId id) {
    auto p = catalog.profile(id);  // (a failed read shows the id, as for a missing record)
    return p && *p ? (*p)->display_name : model::format_researcher_id(id);
  };
  AccountPageView view{&a,
                       session->csrf_token,
                       accounts.claim_of_account(a.id),
                       accounts.following(a.id),
                       accounts.conversations(a),
                       accounts.notifications(a, 30),
                       name_of};
  send_html(res, 200, render_account_page(view));
  // Seen once shown: the next visit lists them without "new".
  if (!view.notifications.empty()) (void)accounts.mark_notifications_read(a, view.notifications.front().id);
}

void handle_conversations_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  if (!signed_in(req, res, false, deps)) return;
  redirect(res, "/account#conversations");
}

// Profile actions post here and return to the profile.
void handle_profile_action_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, true, deps);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_html(res, 404, render_error_page(404, researcher.error().message));
  std::string id = model::format_researcher_id(*researcher), action = req.matches[2];
  Status status = Ok{};
  if (action == "follow") {
    status = param(req, "follow") == "0" ? accounts.unfollow(session->account, id) : accounts.follow(session->account, id);
  } else if (action == "claim") {
    auto outcome = accounts.claim(session->account, *researcher, param(req, "orcid"));
    if (!outcome) status = outcome.error();
    else if (outcome->dispute)
      return send_html(res, 409, render_error_page(409, "Another account claimed " + id + ". We opened dispute " +
                                                            std::to_string(outcome->dispute) + "; a moderator will review it."));
  } else {
    status = accounts.set_open_to_collaborate(session->account, *researcher, param(req, "open") == "1");
  }
  if (!status) return send_error_page(res, status.error());
  redirect(res, "/researchers/" + id);
}

void handle_correct_work_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, true, deps);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_html(res, 404, render_error_page(404, researcher.error().message));
  auto action = model::parse_correction_action(param(req, "action"));
  if (!action) return send_html(res, 400, render_error_page(400, "action: use confirm, remove or add"));
  model::WorkCorrection correction{*researcher, std::stoll(req.matches[2]), *action};
  auto s = accounts::check_correction(catalogs.reader(), correction);
  if (s) s = accounts.correct(session->account, correction);
  if (!s) return send_error_page(res, s.error());
  redirect(res, "/researchers/" + model::format_researcher_id(*researcher));
}

// "This record is also me": every work of an unclaimed record joins the viewer's own.
void handle_also_mine_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, true, deps);
  if (!session) return;
  auto other = existing_researcher(req.matches[1], catalogs.reader());
  if (!other) return send_html(res, 404, render_error_page(404, other.error().message));
  auto mine = accounts.claim_of_account(session->account.id);
  if (!mine) return send_html(res, 403, render_error_page(403, "Claim your own record first."));
  auto works = accounts::works_to_add(catalogs.reader(), mine->researcher, *other);
  if (!works) return send_error_page(res, works.error());
  auto added = accounts.add_works_of(session->account, mine->researcher, *other, *works);
  if (!added)
    return send_error_page(res, added.error());
  redirect(res, "/researchers/" + model::format_researcher_id(mine->researcher));
}

void handle_start_conversation_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, true, deps);
  if (!session) return;
  auto researcher = existing_researcher(param(req, "researcher_id"), catalogs.reader());
  if (!researcher) return send_html(res, 404, render_error_page(404, researcher.error().message));
  auto id = accounts.invite(session->account, *researcher, param(req, "subject"), param(req, "message"));
  if (!id) return send_error_page(res, id.error());
  redirect(res, "/conversations/" + std::to_string(*id));
}

void handle_conversation_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, false, deps);
  if (!session) return;
  auto c = accounts.conversation(session->account, std::stoll(req.matches[1]));
  if (!c) return send_html(res, 404, render_error_page(404, c.error().message));
  send_html(res, 200, render_conversation_page(*c, session->account.id, session->csrf_token, ""));
}

void handle_conversation_action_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = signed_in(req, res, true, deps);
  if (!session) return;
  std::int64_t id = std::stoll(req.matches[1]);
  std::string action = req.matches[2];
  Status s = Ok{};
  if (action == "reply") s = accounts.reply(session->account, id, param(req, "message"));
  else if (action == "block") s = accounts.block(session->account, id);
  else if (action == "report") {
    auto r = accounts.report(session->account, id, param(req, "reason"));
    if (!r) s = r.error();
  } else s = accounts.respond(session->account, id, action == "accept");
  if (!s) {
    auto c = accounts.conversation(session->account, id);
    if (!c) return send_html(res, 404, render_error_page(404, c.error().message));
    return send_html(res, http_status(s.error().code), render_conversation_page(*c, session->account.id, session->csrf_token, s.error().message));
  }
  redirect(res, "/conversations/" + std::to_string(id));
}

}  // namespace

std::vector<Route> account_page_routes() {
  return {
      {Method::get, "/signup", handle_signup_form_page},
      {Method::post, "/signup", handle_signup_page},
      {Method::get, "/login", handle_login_form_page},
      {Method::post, "/login", handle_login_page},
      {Method::post, "/logout", handle_logout_page},
      {Method::get, "/verify", handle_verify_email_page},
      {Method::get, "/forgot", handle_forgot_form_page},
      {Method::post, "/forgot", handle_forgot_page},
      {Method::get, "/reset", handle_reset_form_page},
      {Method::post, "/reset", handle_reset_page},
      {Method::get, "/account", handle_account_page},
      {Method::get, "/conversations", handle_conversations_page},
      {Method::post, R"(/researchers/([^/]+)/(follow|claim|collaboration))", handle_profile_action_page},
      {Method::post, R"(/researchers/([^/]+)/works/(\d{1,15}))", handle_correct_work_page},
      {Method::post, R"(/researchers/([^/]+)/also-mine)", handle_also_mine_page},
      {Method::post, "/conversations", handle_start_conversation_page},
      {Method::get, R"(/conversations/(\d{1,15}))", handle_conversation_page},
      {Method::post, R"(/conversations/(\d{1,15})/(reply|accept|decline|block|report))", handle_conversation_action_page},
  };
}

}  // namespace bzpeer::http

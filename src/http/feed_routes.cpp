// The feed: /feed (page, forms that work without JavaScript), /api/v1/feed and its
// feedback and saved works, and the private Atom feed at /feed/atom/<token>.
#include "core/text.hpp"
#include "feed/account_interests.hpp"
#include "feed/reader_feed.hpp"
#include "http/account_http.hpp"
#include "http/feed_views.hpp"
#include "http/html_views.hpp"
#include "http/json_views.hpp"
#include "http/query_params.hpp"
#include "http/redirect_target.hpp"
#include "http/routes.hpp"
#include "http/session.hpp"
#include "http/templates.hpp"

namespace bzpeer::http {

namespace {

constexpr int kMaxFeedPerPage = 100;
constexpr int kMaxFeedOffset = 2000;
constexpr int kMaxDaysBack = 36500;

using feed::interests_of;

bool valid_category(const std::string& c) {
  if (c.size() > 40) return false;
  for (char ch : c)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_')) return false;
  return true;
}

// An optional whole-number parameter: `fallback` when absent.
Result<int> optional_number(const std::string& field, const std::string& value, int min, int max, int fallback) {
  if (value.empty()) return fallback;
  return parse_whole(field, value, min, max);
}

Result<feed::FeedQuery> feed_query(const httplib::Request& req, int default_limit) {
  feed::FeedQuery q;
  std::string sort = req.get_param_value("sort");
  if (sort == "date")
    q.sort = feed::FeedSort::date;
  else if (!sort.empty() && sort != "score")
    return make_error(ErrorCode::invalid_input, "parameter 'sort' must be score or date");
  q.category = req.get_param_value("category");
  if (!valid_category(q.category)) return make_error(ErrorCode::invalid_input, "parameter 'category' is not a category");
  auto days = optional_number("days", req.get_param_value("days"), 0, kMaxDaysBack, 0);
  if (!days) return days.error();
  q.days = *days;
  auto offset = optional_number("cursor", req.get_param_value("cursor"), 0, kMaxFeedOffset, 0);
  if (!offset) return offset.error();
  q.offset = static_cast<size_t>(*offset);
  auto limit = optional_number("per_page", req.get_param_value("per_page"), 1, kMaxFeedPerPage, default_limit);
  if (!limit) return limit.error();
  q.limit = static_cast<size_t>(*limit);
  return q;
}

// What a reader does to a work of their feed.
enum class FeedAction { save, unsave, like, dismiss, undo };

// In the API's words (POST /api/v1/feed/feedback).
std::optional<FeedAction> feedback_action(const std::string& word) {
  if (word == "more_like_this") return FeedAction::like;
  if (word == "not_relevant") return FeedAction::dismiss;
  if (word == "undo") return FeedAction::undo;
  return std::nullopt;
}

// In the feed page's forms: a mark's name, or "unsave".
std::optional<FeedAction> form_action(const std::string& word) {
  if (word == "unsave") return FeedAction::unsave;
  auto mark = model::parse_feed_mark(word);
  if (!mark) return std::nullopt;
  switch (*mark) {
    case model::FeedMark::saved: return FeedAction::save;
    case model::FeedMark::liked: return FeedAction::like;
    case model::FeedMark::dismissed: return FeedAction::dismiss;
  }
  return std::nullopt;
}

// The work must exist before a mark is kept on it.
Status mark(accounts::Accounts& accounts, store::CatalogReader& catalog, const model::Account& account,
            const std::string& work_text, FeedAction action) {
  std::int64_t work = model::parse_work_id(work_text);
  if (work) {
    auto found = catalog.works_by_ids({work});
    if (!found) return found.error();
    if (found->empty()) work = 0;
  }
  if (!work)
    return make_error(ErrorCode::not_found, "no work " + text::utf8_prefix(work_text, 24));
  switch (action) {
    case FeedAction::save: return accounts.mark_work(account, work, model::FeedMark::saved, true);
    case FeedAction::unsave: return accounts.mark_work(account, work, model::FeedMark::saved, false);
    case FeedAction::like: return accounts.mark_work(account, work, model::FeedMark::liked, true);
    case FeedAction::dismiss: return accounts.mark_work(account, work, model::FeedMark::dismissed, true);
    case FeedAction::undo: break;
  }
  auto liked = accounts.mark_work(account, work, model::FeedMark::liked, false);
  if (!liked) return liked;
  return accounts.mark_work(account, work, model::FeedMark::dismissed, false);
}

std::string feed_href(const feed::FeedQuery& q, size_t offset) {
  std::string href = "/feed?sort=" + std::string(q.sort == feed::FeedSort::date ? "date" : "score");
  if (!q.category.empty()) href += "&category=" + url_encode(q.category);
  if (q.days) href += "&days=" + std::to_string(q.days);
  if (offset) href += "&cursor=" + std::to_string(offset);
  return href;
}

void handle_feed_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto& accounts = deps.accounts;
  auto& engine = deps.feeds;
  auto query = feed_query(req, 20);
  if (!query) return send_error(res, query.error());
  auto session = current_session(req, accounts);
  feed::ReaderInterests reader = session ? interests_of(accounts, session->account.id) : feed::ReaderInterests{};
  auto page = engine.feed(reader, *query, catalogs.local(), searchers.local());
  if (!page) return send_error(res, page.error());
  nlohmann::json results = nlohmann::json::array();
  for (const auto& item : page->items) results.push_back(feed_item_json(item));
  size_t next = query->offset + page->items.size();
  nlohmann::json next_cursor = next < page->total && next <= kMaxFeedOffset ? nlohmann::json(std::to_string(next)) : nullptr;
  send_json(res, 200, {{"meta", {{"count", page->total}, {"next_cursor", next_cursor}, {"personal", session.has_value()}}},
                       {"results", std::move(results)}});
}

void handle_feed_feedback_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  std::string action = string_field(*body, "action");
  auto feedback = feedback_action(action);
  if (!feedback) return send_json_error(res, 400, "action must be more_like_this, not_relevant or undo");
  auto done = mark(accounts, catalogs.reader(), session->account, string_field(*body, "work_id"), *feedback);
  if (!done) return send_error(res, done.error());
  send_json(res, 200, {{"work_id", string_field(*body, "work_id")}, {"action", action}});
}

void handle_saved_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, false);
  if (!session) return;
  std::vector<std::int64_t> ids;
  for (const auto& m : accounts.work_marks(session->account.id))
    if (m.mark == model::FeedMark::saved) ids.push_back(m.work);
  auto works = catalogs.reader().works_by_ids(ids);
  if (!works) return send_error(res, works.error());
  nlohmann::json results = nlohmann::json::array();
  for (const auto& w : *works) results.push_back(work_json(w));
  send_json(res, 200, {{"meta", {{"count", results.size()}}}, {"results", std::move(results)}});
}

void handle_save_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  auto done = mark(accounts, catalogs.reader(), session->account, string_field(*body, "work_id"), FeedAction::save);
  if (!done) return send_error(res, done.error());
  send_json(res, 201, {{"work_id", string_field(*body, "work_id")}, {"saved", true}});
}

void handle_unsave_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto done = mark(accounts, catalogs.reader(), session->account, req.matches[1], FeedAction::unsave);
  if (!done) return send_error(res, done.error());
  send_json(res, 200, {{"work_id", req.matches[1].str()}, {"saved", false}});
}

void handle_new_atom_token_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto token = accounts.renew_feed_token(session->account);
  if (!token) return send_error(res, token.error());
  send_json(res, 201, {{"url", accounts.public_url() + "/feed/atom/" + *token}});
}

void handle_revoke_atom_token_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto done = accounts.revoke_feed_token(session->account);
  if (!done) return send_error(res, done.error());
  send_json(res, 200, {{"message", "the Atom feed's address no longer works"}});
}

void handle_digest_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  if (!body->contains("on") || !(*body)["on"].is_boolean()) return send_json_error(res, 400, "on: true or false");
  bool on = (*body)["on"].get<bool>();
  if (auto done = accounts.set_weekly_digest(session->account, on); !done) return send_error(res, done.error());
  send_json(res, 200, {{"weekly_digest", on}});
}

void handle_digest_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = current_session(req, accounts);
  if (!session) return res.set_redirect("/login?next=/feed", 303);
  if (!csrf_ok(req, *session)) return send_html(res, 403, render_error_page(403, "The form expired; reload the page."));
  if (auto done = accounts.set_weekly_digest(session->account, req.get_param_value("on") == "1"); !done)
    return send_error_page(res, done.error());
  res.set_redirect("/feed", 303);
}

void handle_atom_feed(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto& accounts = deps.accounts;
  auto& engine = deps.feeds;
  auto account = accounts.feed_token_account(req.matches[1]);
  if (!account) return send_html(res, 404, render_error_page(404, "No such feed (its address may have been renewed)."));
  feed::FeedQuery q;
  q.limit = 50;
  auto page = engine.feed(interests_of(accounts, *account), q, catalogs.local(), searchers.local());
  if (!page) return send_html(res, 500, render_error_page(500, "The feed could not be made."));
  res.set_header("Cache-Control", "private, max-age=300");
  res.set_content(render_atom(*page, "BZPEER: new works for you", accounts.public_url() + req.path, accounts.public_url()),
                  "application/atom+xml; charset=utf-8");
}

void show_feed_page(const httplib::Request& req, httplib::Response& res, const std::string& atom_href, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto& accounts = deps.accounts;
  auto& engine = deps.feeds;
  auto query = feed_query(req, 20);
  if (!query) return send_html(res, 400, render_error_page(400, query.error().message));
  auto session = current_session(req, accounts);
  feed::ReaderInterests reader = session ? interests_of(accounts, session->account.id) : feed::ReaderInterests{};
  if (!query->category.empty() && reader.empty()) reader.categories.push_back(query->category);
  auto page = engine.feed(reader, *query, catalogs.local(), searchers.local());
  if (!page) return send_html(res, 500, render_error_page(500, "The feed could not be made."));
  FeedPageView v;
  v.page = &*page;
  v.personal = session && !reader.empty();
  v.signed_in = session.has_value();
  v.weekly_digest = session && accounts.weekly_digest(session->account.id);
  if (session) v.csrf_token = session->csrf_token;
  v.sort = query->sort == feed::FeedSort::date ? "date" : "score";
  v.category = query->category;
  v.days = query->days ? std::to_string(query->days) : "";
  v.atom_href = atom_href;
  v.back = feed_href(*query, query->offset);
  size_t next = query->offset + page->items.size();
  if (next < page->total && next <= kMaxFeedOffset) v.next_href = feed_href(*query, next);
  send_html(res, 200, render_feed_page(v));
}

void handle_home_page(const httplib::Request&, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& searchers = deps.searchers;
  auto& engine = deps.feeds;
  feed::FeedQuery q;
  q.sort = feed::FeedSort::date;
  q.limit = 8;
  auto newest = engine.feed({}, q, catalogs.local(), searchers.local());
  auto works = catalogs.reader().work_count();
  if (!works) return send_error_page(res, works.error());
  send_html(res, 200, render_home_page(*works, newest ? *newest : feed::FeedPage{}));
}

void handle_feed_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  show_feed_page(req, res, "", deps);
}

void handle_new_atom_token_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = current_session(req, accounts);
  if (!session || !csrf_ok(req, *session)) return res.set_redirect("/login?next=/feed", 303);
  auto token = accounts.renew_feed_token(session->account);
  if (!token) return send_html(res, 500, render_error_page(500, token.error().message));
  show_feed_page(req, res, accounts.public_url() + "/feed/atom/" + *token, deps);
}

void handle_feed_mark_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = current_session(req, accounts);
  if (!session) return res.set_redirect("/login?next=/feed", 303);
  if (!csrf_ok(req, *session)) return send_html(res, 403, render_error_page(403, "The form expired; reload the page."));
  std::string action = req.get_param_value("mark");
  auto change = form_action(action);
  if (!change) return send_html(res, 400, render_error_page(400, "mark must be saved, unsave, liked or dismissed"));
  auto done = mark(accounts, catalogs.reader(), session->account, req.get_param_value("work"), *change);
  if (!done) return send_error_page(res, done.error());
  // The page's script asks for JSON and changes the item in place; a plain form goes back.
  if (req.get_header_value("Accept").find("application/json") != std::string::npos)
    return send_json(res, 200, {{"work_id", req.get_param_value("work")}, {"mark", action}});
  res.set_redirect(same_origin_path(req.get_param_value("next"), "/feed"), 303);
}

}  // namespace

std::vector<Route> feed_routes() {
  return {
      {Method::get, "/api/v1/feed", handle_feed_api},
      {Method::post, "/api/v1/feed/feedback", handle_feed_feedback_api},
      {Method::get, "/api/v1/saved", handle_saved_api},
      {Method::post, "/api/v1/saved", handle_save_api},
      {Method::del, R"(/api/v1/saved/([^/]+))", handle_unsave_api},
      {Method::post, "/api/v1/feed/atom-token", handle_new_atom_token_api},
      {Method::del, "/api/v1/feed/atom-token", handle_revoke_atom_token_api},
      {Method::post, "/api/v1/feed/digest", handle_digest_api},
      {Method::post, "/feed/digest", handle_digest_page},
      {Method::get, R"(/feed/atom/([0-9a-f]{64}))", handle_atom_feed},
      {Method::get, "/", handle_home_page},
      {Method::get, "/feed", handle_feed_page},
      {Method::post, "/feed/atom-token", handle_new_atom_token_page},
      {Method::post, "/feed/mark", handle_feed_mark_page},
  };
}

}  // namespace bzpeer::http

// HTML pages: home, researcher profile, researchers by name, static assets.
#include <algorithm>

#include "http/account_http.hpp"
#include "http/html_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"
#include "http/templates.hpp"

namespace bzpeer::http {

namespace {
// How a claimant tells their namesakes apart: name, works, place and subjects.
std::string namesake_label(const model::ResearcherProfile& p) {
  std::string label = p.display_name + " · " + plural(p.works_count, "work");
  if (!p.affiliation.empty()) label += " · " + p.affiliation;
  std::string topics;
  for (size_t i = 0; i < p.topics.size() && i < 3; ++i) topics += (i ? ", " : "") + p.topics[i].name;
  if (!topics.empty()) label += " · " + topics;
  return label;
}
void handle_static_asset(const httplib::Request& req, httplib::Response& res, Deps&) {
  const std::string name = req.matches[1];
  const std::string* asset = static_asset(name);
  if (!asset) {
    send_html(res, 404, render_error_page(404, "No such file: " + name));
    return;
  }
  res.set_header("Cache-Control", "public, max-age=3600");
  res.set_content(*asset, name.ends_with(".css")  ? "text/css; charset=utf-8"
                          : name.ends_with(".js") ? "text/javascript; charset=utf-8"
                                                  : "application/octet-stream");
}

void handle_profile_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  const std::string id_text = req.matches[1];
  model::ResearcherId id = model::parse_researcher_id(id_text);
  auto page = parse_page(req.get_param_value("page"), "", 20);
  if (!page) {
    send_html(res, 400, render_error_page(400, page.error().message));
    return;
  }
  auto& catalog = catalogs.reader();
  std::optional<model::ResearcherProfile> profile;
  if (id) {
    auto read = catalog.profile(id);
    if (!read) return send_error_page(res, read.error());
    profile = std::move(*read);
    if (!profile) {
      auto merged = catalog.redirect(id);
      if (!merged) return send_error_page(res, merged.error());
      if (*merged) return res.set_redirect("/researchers/" + model::format_researcher_id(**merged), 301);
    }
  }
  if (!profile) {
    send_html(res, 404, render_error_page(404, "There is no researcher " + id_text + "."));
    return;
  }
  const auto state = accounts.researcher_state(id);
  apply_account_state(*profile, state);
  auto session = current_session(req, accounts);
  ProfileViewer viewer;
  auto account_view = accounts::profile_account_view(accounts, catalog, *profile, state.corrections,
                                                     session ? std::optional(session->account) : std::nullopt);
  if (!account_view) return send_error_page(res, account_view.error());
  static_cast<accounts::ProfileAccountView&>(viewer) = std::move(*account_view);
  if (session) viewer.csrf_token = session->csrf_token;
  for (const auto& other : viewer.unclaimed_namesakes)
    viewer.namesakes.push_back({model::format_researcher_id(other.id), namesake_label(other), other.works_count});
  viewer.weak_only = req.get_param_value("check") == "weak";
  // Past the last page: go to the last one rather than show "Page 99 of 2" and nothing.
  const int listed = viewer.weak_only ? viewer.weak_works : profile->works_count;
  const int pages = std::max(1, (listed + page->per_page - 1) / page->per_page);
  if (page->page > pages) {
    res.set_redirect("/researchers/" + id_text + "?page=" + std::to_string(pages) + (viewer.weak_only ? "&check=weak" : ""),
                     303);
    return;
  }
  auto works = catalog.researcher_works(id, *page, viewer.weak_only, viewer.settled);
  if (!works) return send_error_page(res, works.error());
  send_html(res, 200, render_profile_page(*profile, *works, *page, viewer));
}

void handle_researchers_by_name_page(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  std::string name = req.get_param_value("name");
  if (name.size() > 200) {
    send_html(res, 400, render_error_page(400, "The name is too long (200 characters at most)."));
    return;
  }
  auto found = catalogs.reader().find_researchers(name, /*prefix=*/false, 100);
  if (!found) return send_error_page(res, found.error());
  send_html(res, 200, render_researchers_page(name, *found));
}

}  // namespace

std::vector<Route> page_routes() {
  return {
      {Method::get, R"(/static/((?:vendor/)?[A-Za-z0-9_.-]+))", handle_static_asset},
      {Method::get, R"(/researchers/([^/]+))", handle_profile_page},
      {Method::get, "/researchers", handle_researchers_by_name_page},
  };
}

}  // namespace bzpeer::http

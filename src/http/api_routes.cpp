// JSON API under /api/v1: single entities by id (searches and lists are in search_api_routes).
#include "accounts/claim_rules.hpp"
#include "accounts/profile_view.hpp"
#include "http/account_http.hpp"
#include "http/json_views.hpp"
#include "http/query_params.hpp"
#include "http/routes.hpp"

namespace bzpeer::http {

namespace {

using nlohmann::json;

void handle_researcher_json(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  const std::string id_text = req.matches[1];
  model::ResearcherId id = model::parse_researcher_id(id_text);
  auto& catalog = catalogs.reader();
  std::optional<model::ResearcherProfile> profile;
  if (id) {
    auto read = catalog.profile(id);
    if (!read) return send_error(res, read.error());
    profile = std::move(*read);
  }
  if (!profile && id) {
    auto merged = catalog.redirect(id);
    if (!merged) return send_error(res, merged.error());
    if (*merged) {
      std::string target = model::format_researcher_id(**merged);
      res.set_header("Location", "/api/v1/researchers/" + target);
      send_json(res, 301, json{{"redirect", target}, {"message", id_text + " was merged into " + target}});
      return;
    }
  }
  if (!profile) {
    send_json_error(res, 404, "no researcher " + id_text);
    return;
  }
  const auto state = accounts.researcher_state(id);
  apply_account_state(*profile, state);
  json body = researcher_json(*profile);
  // Where the works are, each with the evidence that put it on the profile, and how many
  // of them are tied on weak evidence (the ones to check).
  body["works_api_url"] = "/api/v1/works?filter=author.id:" + model::format_researcher_id(id);
  auto weak = accounts::weak_works_to_check(catalog, *profile, accounts::settled_works(state.corrections));
  if (!weak) return send_error(res, weak.error());
  body["weak_works_count"] = *weak;
  send_json(res, 200, body);
}

}  // namespace

std::vector<Route> api_routes() {
  return {
      {Method::get, R"(/api/v1/researchers/([^/]+))", handle_researcher_json},
  };
}

}  // namespace bzpeer::http

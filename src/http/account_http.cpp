#include "http/account_http.hpp"

#include "core/text.hpp"
#include "enrich/trust.hpp"
#include "http/json_views.hpp"
#include "http/routes.hpp"

namespace bzpeer::http {

Result<nlohmann::json> json_body(const httplib::Request& req, bool optional) {
  if (req.body.empty() && optional) return nlohmann::json::object();
  auto body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return make_error(ErrorCode::invalid_input, "the request body must be a JSON object");
  return body;
}

std::string string_field(const nlohmann::json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : "";
}

std::optional<accounts::Session> require_session(const httplib::Request& req, httplib::Response& res,
                                                 accounts::Accounts& accounts, bool csrf) {
  auto session = current_session(req, accounts);
  if (!session) {
    send_json_error(res, 401, "log in first");
    return std::nullopt;
  }
  if (csrf && !csrf_ok(req, *session)) {
    send_json_error(res, 403, "missing or wrong X-CSRF-Token header (the token comes with the login)");
    return std::nullopt;
  }
  return session;
}

Result<model::ResearcherId> existing_researcher(const std::string& id_text, store::CatalogReader& catalog) {
  model::ResearcherId id = model::parse_researcher_id(id_text);
  if (id) {
    auto profile = catalog.profile(id);
    if (!profile) return profile.error();
    if (*profile) return id;
    auto merged = catalog.redirect(id);
    if (!merged) return merged.error();
    if (*merged) return **merged;
  }
  return make_error(ErrorCode::not_found, "no researcher " + text::utf8_prefix(id_text, 40));
}


void apply_account_state(model::ResearcherProfile& profile, accounts::Accounts& accounts) {
  apply_account_state(profile, accounts.researcher_state(profile.id));
}

void apply_account_state(model::ResearcherProfile& profile, const accounts::ResearcherState& state) {
  enrich::apply_live_state(profile, state.claim ? state.claim->level : model::VerificationLevel::L1, state.claim.has_value(), state.followers,
                           state.claim ? state.claim->open_to_collaborate : true);
}

}  // namespace bzpeer::http

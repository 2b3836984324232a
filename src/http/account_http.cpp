#include "http/account_http.hpp"

#include "core/text.hpp"
#include "enrich/trust.hpp"
#include "http/json_views.hpp"
#include "http/routes.hpp"
#include "identity/name_parts.hpp"

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

Result<model::ResearcherId> existing_researcher(const std::string& id_text, store::Catalog& catalog) {
  model::ResearcherId id = model::parse_researcher_id(id_text);
  if (id && catalog.profile(id)) return id;
  if (id)
    if (auto merged = catalog.redirect(id)) return *merged;
  return make_error(ErrorCode::not_found, "no researcher " + text::utf8_prefix(id_text, 40));
}

void send_error(httplib::Response& res, const Error& e) { send_json_error(res, http_status(e.code), e.message); }

void apply_account_state(model::ResearcherProfile& profile, accounts::Accounts& accounts) {
  auto state = accounts.researcher_state(profile.id);
  enrich::apply_live_state(profile, state.claim ? state.claim->level : "L1", state.claim.has_value(), state.followers,
                           state.claim ? state.claim->open_to_collaborate : true);
}

Result<std::vector<std::int64_t>> works_to_add(store::Catalog& catalog, model::ResearcherId mine, model::ResearcherId other) {
  auto own = catalog.profile(mine);
  auto theirs = catalog.profile(other);
  if (!own || !theirs) return make_error(ErrorCode::not_found, "no such researcher");
  if (!identity::same_block(own->display_name, theirs->display_name))
    return make_error(ErrorCode::invalid_input, model::format_researcher_id(other) + "'s name (" + theirs->display_name +
                                                    ") is not a form of yours (" + own->display_name +
                                                    "); add a single work by its id instead");
  return catalog.researcher_work_ids(other, accounts::Accounts::kMaxWorksAddedAtOnce + 1);
}

Status check_correction(store::Catalog& catalog, const model::WorkCorrection& correction) {
  auto works = catalog.works_by_ids({correction.work_id});
  if (works.empty()) return make_error(ErrorCode::not_found, "no work W" + std::to_string(correction.work_id));
  if (correction.action != "add") return Ok{};
  auto own = catalog.profile(correction.researcher);
  if (!own) return make_error(ErrorCode::not_found, "no such researcher");
  for (const auto& author : works[0].authors)
    if (identity::same_block(own->display_name, author)) return Ok{};
  return make_error(ErrorCode::invalid_input, "no author of W" + std::to_string(correction.work_id) +
                                                  " is printed under a form of your name (" + own->display_name + ")");
}

std::vector<std::int64_t> settled_works(const std::vector<model::WorkCorrection>& corrections) {
  std::vector<std::int64_t> out;
  for (const auto& c : corrections)
    if (c.action == "confirm" || c.action == "remove") out.push_back(c.work_id);
  return out;
}

}  // namespace bzpeer::http

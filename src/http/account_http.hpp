#pragma once
// Helpers shared by the account routes (API and pages).
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accounts/accounts.hpp"
#include "core/result.hpp"
#include "http/session.hpp"
#include "store/catalog.hpp"

namespace bzpeer::http {

// The request's JSON object body (`optional`: an empty body is {}).
Result<nlohmann::json> json_body(const httplib::Request& req, bool optional = false);
// The string `key` of a JSON body, or empty when absent or not a string.
std::string string_field(const nlohmann::json& body, const char* key);
// The signed-in session, or nothing after answering 401 (no session) or 403 (a
// state-changing call without the right CSRF token).
std::optional<accounts::Session> require_session(const httplib::Request& req, httplib::Response& res,
                                                 accounts::Accounts& accounts, bool csrf);
// A researcher id that exists now (a merged id resolves to the record it became).
Result<model::ResearcherId> existing_researcher(const std::string& id_text, store::CatalogReader& catalog);
// The profile with the live account facts (claim, level, followers, trust) applied.
void apply_account_state(model::ResearcherProfile& profile, accounts::Accounts& accounts);
void apply_account_state(model::ResearcherProfile& profile, const accounts::ResearcherState& state);

}  // namespace bzpeer::http

#pragma once
// Sessions over HTTP: the HttpOnly, SameSite=Lax session cookie (Secure behind HTTPS),
// the signed-in account of a request, and the CSRF check of state-changing requests
// (header X-CSRF-Token for the API, form field csrf_token for pages).
#include <httplib.h>

#include <optional>
#include <string>

#include "accounts/accounts.hpp"

namespace bzpeer::http {

inline constexpr const char* kSessionCookie = "bzpeer_session";

std::optional<accounts::Session> current_session(const httplib::Request& req, accounts::Accounts& accounts);
void set_session_cookie(const httplib::Request& req, httplib::Response& res, const std::string& token);
void clear_session_cookie(const httplib::Request& req, httplib::Response& res);
// True when the request carries the session's CSRF token (header or form field).
bool csrf_ok(const httplib::Request& req, const accounts::Session& session);

}  // namespace bzpeer::http

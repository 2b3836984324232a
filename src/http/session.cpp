#include "http/session.hpp"

#include <sodium.h>

namespace bzpeer::http {

namespace {

std::string cookie_value(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos && part.compare(start, name.size() + 1, name + "=") == 0)
      return part.substr(start + name.size() + 1);
    pos = end + 1;
  }
  return "";
}

// Behind a TLS-terminating proxy the cookie must be Secure.
bool over_https(const httplib::Request& req) { return req.get_header_value("X-Forwarded-Proto") == "https"; }

}  // namespace

std::optional<accounts::Session> current_session(const httplib::Request& req, accounts::Accounts& accounts) {
  std::string token = cookie_value(req, kSessionCookie);
  if (token.empty()) return std::nullopt;
  return accounts.session(token);
}

void set_session_cookie(const httplib::Request& req, httplib::Response& res, const std::string& token) {
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Lax; Max-Age=2592000" +
                                   (over_https(req) ? "; Secure" : ""));
}

void clear_session_cookie(const httplib::Request& req, httplib::Response& res) {
  res.set_header("Set-Cookie", std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0" +
                                   (over_https(req) ? "; Secure" : ""));
}

namespace {
// The csrf_token field of a form body; never the query string, which ends up in logs
// and Referer headers. Tokens are hex: no decoding needed.
std::string form_csrf_token(const httplib::Request& req) {
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) return "";
  static const std::string kField = "csrf_token=";
  size_t start = 0;
  while (start <= req.body.size()) {
    size_t end = req.body.find('&', start);
    if (end == std::string::npos) end = req.body.size();
    if (req.body.compare(start, kField.size(), kField) == 0)
      return req.body.substr(start + kField.size(), end - start - kField.size());
    start = end + 1;
  }
  return "";
}
}  // namespace

bool csrf_ok(const httplib::Request& req, const accounts::Session& session) {
  std::string sent = req.has_header("X-CSRF-Token") ? req.get_header_value("X-CSRF-Token") : form_csrf_token(req);
  // Constant-time comparison: the token is a secret.
  return sent.size() == session.csrf_token.size() &&
         sodium_memcmp(sent.data(), session.csrf_token.data(), sent.size()) == 0;
}

}  // namespace bzpeer::http

// Requests through the site's route table, as the server dispatches them, over the small
// built site of the HTTP tests (tests/unit/small_site.hpp): any path and query, cookie, body and content type, signed in or not.
// No request may throw out of a handler, answer 5xx, or send a JSON reply that does not
// parse. Paths and parameters that are not UTF-8 are refused by the server before any
// route (tests/e2e/hostile_requests_e2e.sh), so they are not sent here.
#include <nlohmann/json.hpp>

#include "accounts/smtp_mailer.hpp"
#include "fuzz_support.hpp"
#include "http/routes.hpp"
#include "small_site.hpp"
#include "store/account_store.hpp"

namespace {

using namespace bzpeer;

void require(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "http_request_fuzz: cannot set up the site: %s\n", what);
    std::exit(1);
  }
}

// A built data folder, the server's dependencies over it, and one signed-in account.
struct Site {
  http::Router router{http::site_routes()};
  feed::FeedEngine feeds;
  std::unique_ptr<http::CatalogPool> catalogs;
  std::unique_ptr<http::SearcherPool> searchers;
  std::unique_ptr<http::GraphPool> graphs;
  std::unique_ptr<accounts::Accounts> accounts;
  std::unique_ptr<http::Deps> deps;
  std::string cookie, csrf;

  Site() {
    const std::string data = (fuzz::scratch_dir() / "site").string();
    auto built = testing::build_small_site(data);
    require(bool(built), built ? "" : built.error().message.c_str());
    auto store = store::open_account_store(data);
    auto mailer = accounts::make_mailer(data, "");
    require(store && mailer, "accounts");
    catalogs = std::make_unique<http::CatalogPool>(data);
    searchers = std::make_unique<http::SearcherPool>(search::SearchPlace{data, {}, search::kRemoteTimeoutMs});
    graphs = std::make_unique<http::GraphPool>(data);
    accounts = std::make_unique<accounts::Accounts>(std::move(*store), std::move(*mailer), "http://bzpeer.test");
    deps = std::make_unique<http::Deps>(http::Deps{*catalogs, *searchers, *graphs, *accounts, feeds});
    const std::string credentials = R"({"email":"eve@example.org","password":"a long enough password")";
    call("POST", "/api/v1/signup", credentials + R"(,"display_name":"Eve"})", "application/json", {});
    auto login = call("POST", "/api/v1/login", credentials + "}", "application/json", {});
    require(login.status == 200, "login");
    cookie = login.get_header_value("Set-Cookie");
    cookie = cookie.substr(0, cookie.find(';'));
    csrf = nlohmann::json::parse(login.body).value("csrf_token", "");
  }

  httplib::Response call(const std::string& method, const std::string& target, const std::string& body,
                         const std::string& content_type, httplib::Headers headers) {
    if (!content_type.empty()) headers.emplace("Content-Type", content_type);
    httplib::Request req = testing::site_request(method, target, body, std::move(headers));
    httplib::Response res;
    if (!router.dispatch(req, res, *deps)) res.status = 404;
    return res;
  }
};

// Routes that hash a password (Argon2, a tenth of a second a call) would slow the
// fuzzer a hundredfold; the unit and end-to-end tests cover them.
bool hashes_a_password(const std::string& path) {
  for (const char* word : {"login", "signup", "password", "reset"})
    if (path.find(word) != std::string::npos) return true;
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  static Site site;
  if (size == 0) return 0;
  const std::uint8_t how = data[0];
  auto f = fuzz::fields(data + 1, size - 1, 3);  // target, cookie, body
  const std::string& target = f[0];
  std::string path = target.substr(0, target.find('?'));
  if (path.empty() || path[0] != '/') return 0;
  if (!text::is_valid_utf8(target)) return 0;
  httplib::Params params;
  if (target.find('?') != std::string::npos) httplib::detail::parse_query_text(target.substr(target.find('?') + 1), params);
  for (const auto& [name, value] : params)
    if (!text::is_valid_utf8(name) || !text::is_valid_utf8(value)) return 0;
  static const char* kMethods[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "GET", "GET", "POST"};
  const std::string method = kMethods[how & 7];
  if (method != "GET" && hashes_a_password(path)) return 0;
  httplib::Headers headers;
  if (how & 8) {  // signed in, with the session's CSRF token
    headers.emplace("Cookie", site.cookie);
    headers.emplace("X-CSRF-Token", site.csrf);
  } else if (!f[1].empty()) {
    headers.emplace("Cookie", f[1]);
  }
  const std::string content_type = f[2].empty() ? "" : (how & 16) ? "application/x-www-form-urlencoded" : "application/json";
  httplib::Response res;
  try {
    res = site.call(method, target, f[2], content_type, std::move(headers));
  } catch (const std::exception& e) {
    fuzz::finding(method + " " + path + " threw: " + e.what());
  }
  if (res.status >= 500) fuzz::finding(method + " " + path + " answered " + std::to_string(res.status) + ": " + res.body);
  if (res.get_header_value("Content-Type").rfind("application/json", 0) == 0 && !nlohmann::json::accept(res.body))
    fuzz::finding(method + " " + path + " sent JSON that does not parse");
  return 0;
}

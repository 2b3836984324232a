#pragma once
// Sends mail through an SMTP server with libcurl: "smtp://host:port" upgrades to TLS
// with STARTTLS when the server offers it (and must, with require_tls), "smtps://"
// speaks TLS from the start. A message the server does not take is kept in
// `undelivered_dir` as a file, so nothing is lost when the relay is down.
#include <memory>
#include <string>

#include "accounts/outbox.hpp"
#include "core/result.hpp"

namespace bzpeer::accounts {

struct SmtpSettings {
  std::string url;                 // smtp://host:port or smtps://host:port
  std::string username, password;  // empty: no AUTH
  std::string from = "no-reply@bzpeer.local";
  bool require_tls = false;        // refuse to send in clear over smtp://
  long timeout_seconds = 30;
  std::string undelivered_dir;     // empty: a failed message is only reported
};

// Credentials and sender from BZPEER_SMTP_USER, BZPEER_SMTP_PASSWORD, BZPEER_SMTP_FROM
// and BZPEER_SMTP_REQUIRE_TLS=1 (secrets stay out of the command line).
SmtpSettings smtp_settings_from_env(const std::string& url, const std::string& undelivered_dir);

// Fails when the URL is not smtp:// or smtps://.
Result<std::unique_ptr<Mailer>> make_smtp_mailer(SmtpSettings settings);

// What `serve` and `feed digest` send with: DATA/outbox/ when `smtp_url` is empty,
// else that SMTP server (with DATA/outbox/undelivered/ for what it refuses).
Result<std::unique_ptr<Mailer>> make_mailer(const std::string& data_dir, const std::string& smtp_url);

}  // namespace bzpeer::accounts

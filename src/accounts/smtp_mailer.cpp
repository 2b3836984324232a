#include "accounts/smtp_mailer.hpp"

#include <curl/curl.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace bzpeer::accounts {

namespace {

struct Upload {
  const std::string* text;
  size_t at = 0;
};

size_t read_chunk(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t n = std::min(size * count, up->text->size() - up->at);
  std::memcpy(buffer, up->text->data() + up->at, n);
  up->at += n;
  return n;
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

class SmtpMailer final : public Mailer {
 public:
  explicit SmtpMailer(SmtpSettings s)
      : settings_(std::move(s)),
        undelivered_(settings_.undelivered_dir.empty() ? nullptr : make_file_outbox(settings_.undelivered_dir, settings_.from)) {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Status send(const Mail& mail) override {
    auto sent = deliver(mail);
    if (sent) return sent;
    std::fprintf(stderr, "bzpeer: mail to %s not sent: %s\n", mail.to.c_str(), sent.error().message.c_str());
    if (undelivered_) (void)undelivered_->send(mail);
    return sent;
  }

 private:
  Status deliver(const Mail& mail) {
    if (mail.to.find('@') == std::string::npos || mail.to.find_first_of("<>\r\n ") != std::string::npos)
      return make_error(ErrorCode::invalid_input, "smtp: not a mail address: " + mail.to);
    const std::string message = format_message(mail, settings_.from);
    Upload upload{&message};
    CURL* curl = curl_easy_init();
    if (!curl) return make_error(ErrorCode::io, "smtp: cannot start libcurl");
    const std::string from = "<" + settings_.from + ">", to = "<" + mail.to + ">";
    curl_slist* recipients = curl_slist_append(nullptr, to.c_str());
    curl_easy_setopt(curl, CURLOPT_URL, settings_.url.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_chunk);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(settings_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, std::min(10L, settings_.timeout_seconds));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // called from a worker thread
    if (!settings_.username.empty()) {
      curl_easy_setopt(curl, CURLOPT_USERNAME, settings_.username.c_str());
      curl_easy_setopt(curl, CURLOPT_PASSWORD, settings_.password.c_str());
    }
    CURLcode code = curl_easy_perform(curl);
    long reply = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK)
      return make_error(ErrorCode::io, std::string("smtp: ") + curl_easy_strerror(code) +
                                           (reply ? " (server said " + std::to_string(reply) + ")" : ""));
    return Ok{};
  }

  SmtpSettings settings_;
  std::unique_ptr<Mailer> undelivered_;
};

}  // namespace

SmtpSettings smtp_settings_from_env(const std::string& url, const std::string& undelivered_dir) {
  SmtpSettings s;
  s.url = url;
  s.username = env("BZPEER_SMTP_USER");
  s.password = env("BZPEER_SMTP_PASSWORD");
  if (auto from = env("BZPEER_SMTP_FROM"); !from.empty()) s.from = from;
  s.require_tls = env("BZPEER_SMTP_REQUIRE_TLS") == "1";
  s.undelivered_dir = undelivered_dir;
  return s;
}

Result<std::unique_ptr<Mailer>> make_smtp_mailer(SmtpSettings settings) {
  if (!(settings.url.starts_with("smtp://") || settings.url.starts_with("smtps://")) || settings.url.size() < 10)
    return make_error(ErrorCode::invalid_input, "--smtp must be smtp://host:port or smtps://host:port, not '" + settings.url + "'");
  if (settings.from.find('@') == std::string::npos || settings.from.find_first_of("<>\r\n ") != std::string::npos)
    return make_error(ErrorCode::invalid_input, "BZPEER_SMTP_FROM must be an address such as no-reply@example.org");
  return std::unique_ptr<Mailer>(std::make_unique<SmtpMailer>(std::move(settings)));
}

Result<std::unique_ptr<Mailer>> make_mailer(const std::string& data_dir, const std::string& smtp_url) {
  if (smtp_url.empty()) {
    const std::string from = env("BZPEER_SMTP_FROM");
    return from.empty() ? make_file_outbox(data_dir + "/outbox") : make_file_outbox(data_dir + "/outbox", from);
  }
  return make_smtp_mailer(smtp_settings_from_env(smtp_url, data_dir + "/outbox/undelivered"));
}

}  // namespace bzpeer::accounts

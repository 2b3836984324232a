#pragma once
// Outgoing email goes through a Mailer. The default writes each message as a file under
// DATA/outbox/ (the demo and tests read links from there); `serve --smtp` sends through
// an SMTP server instead (smtp_mailer.hpp).
#include <memory>
#include <string>

#include "core/result.hpp"

namespace bzpeer::accounts {

struct Mail {
  std::string to, subject, body;
};

class Mailer {
 public:
  virtual ~Mailer() = default;
  virtual Status send(const Mail& mail) = 0;
};

// The message as RFC 5322 text with CRLF line ends: From, To, Subject (RFC 2047
// encoded when not ASCII), Date, Message-ID, a UTF-8 plain-text body. Line breaks in
// header values become spaces, so no value can add a header.
std::string format_message(const Mail& mail, const std::string& from);

// One message file per mail: DATA/outbox/<time>-<random>.eml, written then renamed.
std::unique_ptr<Mailer> make_file_outbox(const std::string& directory, std::string from = "no-reply@bzpeer.local");

}  // namespace bzpeer::accounts

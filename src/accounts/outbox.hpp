#pragma once
// Outgoing email goes through a Mailer. The default writes each message as a file under
// DATA/outbox/ (the demo and tests read links from there); an operator can plug in a
// sender that relays to SMTP.
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

// One RFC 5322 file per message: DATA/outbox/<time>-<random>.eml, written then renamed.
std::unique_ptr<Mailer> make_file_outbox(const std::string& directory);

}  // namespace bzpeer::accounts

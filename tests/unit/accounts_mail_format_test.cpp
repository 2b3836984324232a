#include <gtest/gtest.h>

#include "accounts/outbox.hpp"
#include "accounts/smtp_mailer.hpp"

namespace bzpeer::accounts {
namespace {

TEST(MailFormat, HeaderValuesCannotAddHeaders) {
  std::string m = format_message({"a@example.org", "Hi\r\nBcc: everyone@example.org", "Line one\nLine two"}, "no-reply@x.org");
  auto head = m.substr(0, m.find("\r\n\r\n"));
  EXPECT_EQ(head.find("\r\nBcc:"), std::string::npos) << head;
  EXPECT_NE(head.find("Subject: Hi  Bcc: everyone@example.org"), std::string::npos) << head;
  EXPECT_NE(m.find("\r\n\r\nLine one\r\nLine two\r\n"), std::string::npos);  // bare LF become CRLF
}

TEST(MailFormat, NonAsciiSubjectIsEncodedWords) {
  std::string m = format_message({"a@example.org", "Zoë", "body"}, "no-reply@x.org");
  EXPECT_NE(m.find("Subject: =?UTF-8?B?Wm/Dqw==?="), std::string::npos) << m;
  EXPECT_NE(m.find("Message-ID: <"), std::string::npos);
  EXPECT_NE(m.find("@x.org>"), std::string::npos);
}

TEST(SmtpMailer, RefusesWhatIsNotSmtp) {
  SmtpSettings s;
  s.url = "http://mail.example.org";
  auto m = make_smtp_mailer(s);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("--smtp"), std::string::npos);
  s.url = "smtp://127.0.0.1:2525";
  s.from = "no-reply@x.org>\r\nRCPT TO:<victim@example.org";
  EXPECT_FALSE(make_smtp_mailer(s));
  s.from = "no-reply@x.org";
  EXPECT_TRUE(make_smtp_mailer(s));
}

}  // namespace
}  // namespace bzpeer::accounts

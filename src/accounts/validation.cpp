#include "accounts/validation.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace bzpeer::accounts {

namespace {
std::string trim(const std::string& s) {
  size_t a = s.find_first_not_of(" \t\r\n"), b = s.find_last_not_of(" \t\r\n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}
size_t utf8_chars(const std::string& s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}
}  // namespace

Result<std::string> normalized_email(const std::string& email) {
  std::string e = trim(email);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto at = e.find('@');
  bool ok = !e.empty() && e.size() <= 254 && at != std::string::npos && at > 0 && e.find('@', at + 1) == std::string::npos &&
            e.find('.', at) != std::string::npos && e.back() != '.' &&
            std::none_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' ' || c == '<' || c == '>' || c == '"'; });
  if (!ok) return make_error(ErrorCode::invalid_input, "email: '" + text::utf8_prefix(email, 80) + "' is not an email address");
  return e;
}

Status check_password(const std::string& password) {
  size_t n = utf8_chars(password);
  if (n < 10 || password.size() > 200 || !text::is_valid_utf8(password))
    return make_error(ErrorCode::invalid_input, "password: use 10 to 200 characters");
  return Ok{};
}

Result<std::string> checked_text(const std::string& field, const std::string& value, size_t max_chars, bool required,
                                 bool multiline) {
  if (!text::is_valid_utf8(value)) return make_error(ErrorCode::invalid_input, field + ": not valid UTF-8");
  for (unsigned char c : value)
    if ((c < 0x20 && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) || c == 0x7f)
      return make_error(ErrorCode::invalid_input, field + ": control characters are not allowed");
  std::string t = trim(value);
  if (required && t.empty()) return make_error(ErrorCode::invalid_input, field + ": required");
  if (utf8_chars(t) > max_chars)
    return make_error(ErrorCode::invalid_input, field + ": at most " + std::to_string(max_chars) + " characters");
  return t;
}

Result<std::string> checked_orcid(const std::string& orcid_in) {
  std::string orcid = trim(orcid_in);
  if (orcid.rfind("https://orcid.org/", 0) == 0) orcid = orcid.substr(18);
  if (orcid.empty()) return orcid;
  auto bad = make_error(ErrorCode::invalid_input, "orcid: '" + text::utf8_prefix(orcid_in, 40) + "' is not an ORCID iD (0000-0000-0000-0000)");
  if (orcid.size() != 19) return bad;
  int total = 0;
  std::string digits;
  for (size_t i = 0; i < orcid.size(); ++i) {
    char c = orcid[i];
    if (i % 5 == 4) {
      if (c != '-') return bad;
      continue;
    }
    digits.push_back(c);
  }
  for (size_t i = 0; i + 1 < digits.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(digits[i]))) return bad;
    total = (total + (digits[i] - '0')) * 2;
  }
  int check = (12 - total % 11) % 11;
  char expected = check == 10 ? 'X' : static_cast<char>('0' + check);
  if (std::toupper(static_cast<unsigned char>(digits.back())) != expected) return bad;
  return orcid;
}

}  // namespace bzpeer::accounts

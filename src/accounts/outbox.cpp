#include "accounts/outbox.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sodium.h>

#include "accounts/secrets.hpp"

namespace bzpeer::accounts {

namespace {

std::string one_line(const std::string& value) {
  std::string out = value;
  for (char& c : out)
    if (c == '\r' || c == '\n') c = ' ';
  return out;
}

bool is_ascii(const std::string& s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string base64(const std::string& in) {
  std::string out(sodium_base64_encoded_len(in.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.find('\0'));
  return out;
}

// RFC 2047: a non-ASCII subject as encoded words (UTF-8, base64).
std::string header_text(const std::string& value) {
  std::string line = one_line(value);
  if (is_ascii(line)) return line;
  return "=?UTF-8?B?" + base64(line) + "?=";
}

std::string crlf(const std::string& body) {
  std::string out;
  out.reserve(body.size() + body.size() / 40);
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') continue;
    if (body[i] == '\n') out += "\r\n";
    else out += body[i];
  }
  return out;
}

std::string rfc5322_date() {
  std::time_t now = std::time(nullptr);
  std::tm parts{};
  gmtime_r(&now, &parts);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S +0000", &parts);
  return buf;
}

class FileOutbox final : public Mailer {
 public:
  FileOutbox(std::string directory, std::string from) : directory_(std::move(directory)), from_(std::move(from)) {}

  Status send(const Mail& mail) override {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(directory_, ec);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::string name = std::to_string(ms) + "-" + random_token().substr(0, 8) + ".eml";
    fs::path temp = fs::path(directory_) / ("." + name), final_path = fs::path(directory_) / name;
    {
      std::ofstream out(temp, std::ios::binary);
      out << format_message(mail, from_);
      if (!out) return make_error(ErrorCode::io, "cannot write " + temp.string());
    }
    fs::rename(temp, final_path, ec);
    if (ec) return make_error(ErrorCode::io, "cannot write " + final_path.string() + ": " + ec.message());
    return Ok{};
  }

 private:
  std::string directory_, from_;
};

}  // namespace

std::string format_message(const Mail& mail, const std::string& from) {
  const std::string domain = from.find('@') == std::string::npos ? "bzpeer.local" : from.substr(from.find('@') + 1);
  return "From: BZPEER <" + one_line(from) + ">\r\nTo: " + one_line(mail.to) + "\r\nSubject: " + header_text(mail.subject) +
         "\r\nDate: " + rfc5322_date() + "\r\nMessage-ID: <" + random_token().substr(0, 24) + "@" + one_line(domain) +
         ">\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
         crlf(mail.body) + "\r\n";
}

std::unique_ptr<Mailer> make_file_outbox(const std::string& directory, std::string from) {
  return std::make_unique<FileOutbox>(directory, std::move(from));
}

}  // namespace bzpeer::accounts

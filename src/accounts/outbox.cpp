#include "accounts/outbox.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>

#include "accounts/secrets.hpp"

namespace bzpeer::accounts {

namespace {

class FileOutbox final : public Mailer {
 public:
  explicit FileOutbox(std::string directory) : directory_(std::move(directory)) {}

  Status send(const Mail& mail) override {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(directory_, ec);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    std::string name = std::to_string(ms) + "-" + random_token().substr(0, 8) + ".eml";
    fs::path temp = fs::path(directory_) / ("." + name), final_path = fs::path(directory_) / name;
    {
      std::ofstream out(temp);
      out << "To: " << mail.to << "\r\nFrom: BZPEER <no-reply@bzpeer.local>\r\nSubject: " << mail.subject
          << "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" << mail.body << "\r\n";
      if (!out) return make_error(ErrorCode::io, "cannot write " + temp.string());
    }
    fs::rename(temp, final_path, ec);
    if (ec) return make_error(ErrorCode::io, "cannot write " + final_path.string() + ": " + ec.message());
    return Ok{};
  }

 private:
  std::string directory_;
};

}  // namespace

std::unique_ptr<Mailer> make_file_outbox(const std::string& directory) { return std::make_unique<FileOutbox>(directory); }

}  // namespace bzpeer::accounts

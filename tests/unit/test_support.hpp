#pragma once
// Helpers shared by unit tests: a temporary directory and the shared data's path.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "model/ids.hpp"

namespace bzpeer::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() / ("bzpeer-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name, const std::string& content) const {
    auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  std::filesystem::path path_;
};

// A researcher id in a test: R(5) is "R5".
constexpr model::ResearcherId R(std::int64_t n) { return model::ResearcherId(n); }

inline std::string shared_data(const std::string& relative) { return std::string(BZPEER_SHARED_DATA) + "/" + relative; }

}  // namespace bzpeer::testing

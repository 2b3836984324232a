#pragma once
// The store's tests run on both backends: a temporary SQLite data directory, and a new
// database on the PostgreSQL test server that `make test` starts (scripts/test-postgres;
// ctest passes its URL in BZPEER_TEST_POSTGRES). Without that server the PostgreSQL
// cases are skipped, saying why.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <ostream>
#include <string>
#include <unistd.h>

#include "store/postgres/pg_connection.hpp"
#include "test_support.hpp"

namespace bzpeer::testing {

enum class Backend { sqlite, postgresql };

inline const char* name(Backend backend) { return backend == Backend::sqlite ? "SQLite" : "PostgreSQL"; }
// gtest prints a parameter through this (else as its bytes), and names the cases by it.
inline void PrintTo(Backend backend, std::ostream* os) { *os << name(backend); }
inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) { return name(info.param); }

// The admin URL with its database replaced by `database`.
inline std::string with_database(const std::string& admin_url, const std::string& database) {
  // postgresql://user@host/DB?params: the database sits between the third '/' and '?'.
  auto slash = admin_url.find('/', admin_url.find("://") + 3);
  auto query = admin_url.find('?', slash);
  return admin_url.substr(0, slash + 1) + database + (query == std::string::npos ? "" : admin_url.substr(query));
}

// One test's catalog location; a PostgreSQL database is dropped with it.
class TestCatalog {
 public:
  explicit TestCatalog(Backend backend) : backend_(backend) {
    if (backend_ == Backend::sqlite) {
      location_ = dir_.path().string();
      return;
    }
    const char* admin = std::getenv("BZPEER_TEST_POSTGRES");
    if (!admin || !*admin) return;
    admin_ = admin;
    static std::atomic<int> counter{0};
    database_ = "bzpeer_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    auto db = store::postgres::open_connection(admin_);
    db->exec("DROP DATABASE IF EXISTS " + database_);
    db->exec("CREATE DATABASE " + database_);
    location_ = with_database(admin_, database_);
  }
  TestCatalog(const TestCatalog&) = delete;
  TestCatalog& operator=(const TestCatalog&) = delete;
  ~TestCatalog() {
    if (database_.empty()) return;
    try {
      store::postgres::open_connection(admin_)->exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    } catch (...) {
    }
  }

  // False for PostgreSQL when no test server was given.
  bool available() const { return !location_.empty(); }
  // What store::open_catalog and open_account_store take.
  const std::string& location() const { return location_; }
  // Files beside the catalog (indexes, graph) always live in a directory.
  std::string data_dir() const { return dir_.path().string(); }

 private:
  Backend backend_;
  TempDir dir_;
  std::string admin_, database_, location_;
};

// A test fixture run once per backend: `catalog_location()` is fresh for each test.
class OnBothBackends : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    place_ = std::make_unique<TestCatalog>(GetParam());
    if (!place_->available()) GTEST_SKIP() << "no PostgreSQL test server (BZPEER_TEST_POSTGRES is unset)";
  }
  const std::string& catalog_location() const { return place_->location(); }
  std::string data_dir() const { return place_->data_dir(); }

 private:
  std::unique_ptr<TestCatalog> place_;
};

}  // namespace bzpeer::testing

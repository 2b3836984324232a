#pragma once
// Result<T>: the outcome of an operation that can fail for expected reasons
// (bad input, not found, conflict). The error code maps to an HTTP status in http/.
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace bzpeer {

enum class ErrorCode { invalid_input, not_found, conflict, unauthorized, forbidden, rate_limited, unavailable, io, internal };

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(Error error) : data_(std::move(error)) {}

  bool ok() const { return std::holds_alternative<T>(data_); }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<T>(data_); }
  const T& value() const { return std::get<T>(data_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<Error>(data_); }

 private:
  std::variant<T, Error> data_;
};

struct Ok {};
using Status = Result<Ok>;

inline Error make_error(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

}  // namespace bzpeer

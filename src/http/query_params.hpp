#pragma once
// Validation of query parameters shared by pages and the API.
#include <optional>
#include <string>

#include "core/result.hpp"
#include "store/catalog.hpp"

namespace bzpeer::http {

constexpr int kMaxPerPage = 200;
constexpr int kMaxPage = 10'000;

// Parses `page` and `per_page` (either may be empty: defaults 1 and `default_per_page`).
Result<store::Page> parse_page(const std::string& page, const std::string& per_page, int default_per_page = 20);

// Parses a whole number from `min` to `max`; the error names `field`.
Result<int> parse_whole(const std::string& field, const std::string& value, int min, int max);
// Parses a positive integer parameter; the error names `field`.
Result<int> parse_positive(const std::string& field, const std::string& value, int max);

}  // namespace bzpeer::http

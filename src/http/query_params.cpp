#include "http/query_params.hpp"

#include <charconv>

namespace bzpeer::http {

Result<int> parse_whole(const std::string& field, const std::string& value, int min, int max) {
  int n = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || ptr != value.data() + value.size() || n < min || n > max)
    return make_error(ErrorCode::invalid_input, "parameter '" + field + "' must be a whole number from " +
                                                    std::to_string(min) + " to " + std::to_string(max));
  return n;
}

Result<int> parse_positive(const std::string& field, const std::string& value, int max) {
  return parse_whole(field, value, 1, max);
}

Result<store::Page> parse_page(const std::string& page, const std::string& per_page, int default_per_page) {
  store::Page out{1, default_per_page};
  if (!page.empty()) {
    auto p = parse_positive("page", page, kMaxPage);
    if (!p) return p.error();
    out.page = *p;
  }
  if (!per_page.empty()) {
    auto p = parse_positive("per_page", per_page, kMaxPerPage);
    if (!p) return p.error();
    out.per_page = *p;
  }
  return out;
}

}  // namespace bzpeer::http

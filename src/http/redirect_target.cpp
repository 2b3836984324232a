#include "http/redirect_target.hpp"

namespace bzpeer::http {

namespace {
constexpr size_t kMaxRedirectPath = 300;

bool is_control_or_backslash(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7f || c == '\\';
}
}  // namespace

std::string same_origin_path(std::string_view next, std::string_view fallback) {
  if (next.empty() || next.size() > kMaxRedirectPath || next[0] != '/') return std::string(fallback);
  if (next.size() > 1 && next[1] == '/') return std::string(fallback);  // "//host" names another origin
  for (char c : next)
    if (is_control_or_backslash(c)) return std::string(fallback);
  return std::string(next);
}

}  // namespace bzpeer::http

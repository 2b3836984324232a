#pragma once
// Where a redirect after login may go: a path on this site, never another origin.
#include <string>
#include <string_view>

namespace bzpeer::http {

// `next` when a browser resolving it against this site (WHATWG URL rules) stays on
// this site, else `fallback`. Browsers drop tabs and newlines and read "\" as "/",
// so "/\t/evil.example" and "/\\evil.example" are other origins; any control
// character or backslash is refused outright.
std::string same_origin_path(std::string_view next, std::string_view fallback);

}  // namespace bzpeer::http

#pragma once
// Who is looking at the page being rendered: the top bar of every page shows "Log in"
// and "Sign up", or the account's name, "Account" and "Log out". Set once per request
// (before routing) on the thread that serves it, read by the layout.
#include <string>

namespace bzpeer::http {

struct Viewer {
  bool signed_in = false;
  std::string display_name, csrf_token;
};

void set_request_viewer(Viewer viewer);
const Viewer& request_viewer();

}  // namespace bzpeer::http

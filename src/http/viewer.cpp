#include "http/viewer.hpp"

namespace bzpeer::http {

namespace {
// One request at a time runs on a thread, start to end.
thread_local Viewer current;
}  // namespace

void set_request_viewer(Viewer viewer) { current = std::move(viewer); }
const Viewer& request_viewer() { return current; }

}  // namespace bzpeer::http

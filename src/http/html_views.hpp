#pragma once
// Server-rendered pages from the Mustache templates under ui/templates (embedded in
// the binary). Mustache escapes every {{value}}, so names and titles render inert.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "accounts/profile_view.hpp"
#include "model/researcher.hpp"
#include "store/catalog.hpp"

namespace bzpeer::http {

// Who is looking at a profile, for its actions: the account side (accounts::
// profile_account_view) and what only the page knows.
struct ProfileViewer : accounts::ProfileAccountView {
  std::string csrf_token;
  bool weak_only = false;  // the works list shows only the weak ones (?check=weak)
  // The unclaimed namesakes as the page labels them.
  struct Namesake {
    std::string id, label;  // "R12", "Han Hu · 3 works · topics"
    int works = 0;
  };
  std::vector<Namesake> namesakes;
};

std::string render_profile_page(const model::ResearcherProfile& profile, const std::vector<store::WorkSummary>& works,
                                store::Page page, const ProfileViewer& viewer);
std::string render_researchers_page(const std::string& name, const std::vector<model::ResearcherProfile>& found);
std::string render_error_page(int status, const std::string& message);

// A file from ui/static, or empty when there is none.
const std::string* static_asset(const std::string& name);

}  // namespace bzpeer::http

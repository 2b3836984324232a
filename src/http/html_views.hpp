#pragma once
// Server-rendered pages from the Mustache templates under ui/templates (embedded in
// the binary). Mustache escapes every {{value}}, so names and titles render inert.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/researcher.hpp"
#include "store/catalog.hpp"

namespace bzpeer::http {

// Who is looking at a profile, for its actions.
struct ProfileViewer {
  bool signed_in = false;
  std::string csrf_token;
  bool following = false;
  bool is_claimant = false;      // the viewer claimed this researcher
  bool has_other_claim = false;  // the viewer claimed someone else
  std::string own_record;        // that someone else's id ("R12"), to add this record's works to
  bool can_add_to_own = false;   // this record is unclaimed and under a form of the viewer's name
  int pending_additions = 0;     // works the claimant added from other records, joining at the next build
  // For the claimant: unclaimed records printed under the same name (id, works), the
  // fragments of themselves they may want to take in.
  struct Namesake {
    std::string id, label;  // "R12", "Han Hu · 3 works · topics"
    int works = 0;
  };
  std::vector<Namesake> unclaimed_namesakes;
  std::string claim_evidence;    // why the claim has its level
  std::map<std::int64_t, std::string> corrections;  // work id -> confirm/remove/add
  int weak_works = 0;     // works tied to the profile on weak evidence
  bool weak_only = false; // the works list shows only those (?check=weak)
};

std::string render_profile_page(const model::ResearcherProfile& profile, const std::vector<store::WorkSummary>& works,
                                store::Page page, const ProfileViewer& viewer);
std::string render_researchers_page(const std::string& name, const std::vector<model::ResearcherProfile>& found);
std::string render_error_page(int status, const std::string& message);

// A file from ui/static, or empty when there is none.
const std::string* static_asset(const std::string& name);

}  // namespace bzpeer::http

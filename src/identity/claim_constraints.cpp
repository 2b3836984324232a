#include "identity/claim_constraints.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "identity/name_parts.hpp"

namespace bzpeer::identity {

namespace {
std::string block_of(const store::AuthorshipRow& r) { return block_key(parse_name(r.first, r.last, r.raw_name)); }
}  // namespace

size_t apply_claim_constraints(std::vector<store::AuthorshipRow>& rows,
                               const std::vector<model::WorkCorrection>& corrections) {
  if (corrections.empty()) return 0;
  // The name blocks each corrected researcher writes under (for works they add).
  std::unordered_map<model::ResearcherId, std::unordered_set<std::string>> blocks;
  for (const auto& c : corrections) blocks[c.researcher];
  for (const auto& r : rows)
    if (auto it = blocks.find(r.previous_researcher); it != blocks.end()) it->second.insert(block_of(r));
  // A corrected profile holds together: every authorship it has now stays with it
  // unless removed below.
  for (auto& r : rows)
    if (blocks.count(r.previous_researcher)) r.source_person_id = "claim:" + model::format_researcher_id(r.previous_researcher);
  size_t applied = 0;
  for (const auto& c : corrections) {
    auto first = std::lower_bound(rows.begin(), rows.end(), c.work_id,
                                  [](const store::AuthorshipRow& r, std::int64_t work) { return r.work_id < work; });
    store::AuthorshipRow* slot = nullptr;
    for (auto it = first; it != rows.end() && it->work_id == c.work_id; ++it) {
      bool mine = it->previous_researcher == c.researcher;
      if (c.action == model::CorrectionAction::add ? (mine || blocks[c.researcher].count(block_of(*it)) > 0) : mine) {
        slot = &*it;
        break;
      }
    }
    if (!slot) continue;
    std::string claim = "claim:" + model::format_researcher_id(c.researcher);
    slot->source_person_id = c.action == model::CorrectionAction::remove ? claim + ":removed:" + std::to_string(c.work_id) : claim;
    ++applied;
  }
  return applied;
}

}  // namespace bzpeer::identity

#pragma once
// The face the builders of derived files read through: the search indexes, the
// research graph, the feed's term counts and the export, each a whole (or changed-since)
// pass over works, researchers, name variants, topics and attributions.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "store/attribution.hpp"
#include "store/pass_rows.hpp"
#include "store/work_summary.hpp"

namespace bzpeer::store {

// What the search index needs of a researcher (cheaper to read than a whole profile).
struct ResearcherSearchRow {
  model::ResearcherId id;
  std::string display_name, affiliation;
  int works_count = 0;
  std::vector<std::string> topics;  // topic labels
};

class IndexSource : public AssignmentRows {
 public:
  // The revision of the last ingest batch that changed works, and the works changed
  // after `revision` (with their authors), in id order.
  virtual Result<std::int64_t> works_revision() = 0;
  virtual Status for_each_work_since(std::int64_t revision, const std::function<void(WorkSummary&&)>& visit) = 0;
  virtual Status for_each_researcher_for_search(const std::function<void(ResearcherSearchRow&&)>& visit) = 0;
  // Every distinct way a researcher's name was written on their works.
  virtual Status for_each_name_variant(const std::function<void(model::ResearcherId, const std::string& raw_name)>& visit) = 0;
  virtual Status for_each_topic(const std::function<void(model::TopicSummary&&)>& visit) = 0;
  // How often each researcher signed with each affiliation.
  virtual Status for_each_researcher_affiliation(
      const std::function<void(model::ResearcherId, const std::string& affiliation, int works)>& visit) = 0;
  // Every attributed authorship grouped by researcher (ascending ids, then authorship).
  virtual Status for_each_attribution_by_researcher(const std::function<void(AuthorshipAttribution&&)>& visit) = 0;
};

}  // namespace bzpeer::store

#pragma once
// The in-memory view of the catalog that enrich works on: works with their topics,
// the researcher assignment in both directions, and researchers' affiliations.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/phase_clock.hpp"
#include "enrich/topic_miner.hpp"
#include "model/researcher.hpp"
#include "store/profile_store.hpp"

namespace bzpeer::enrich {

struct WorkInfo {
  std::int64_t id = 0;
  int year = 0;
  std::string title;
  std::vector<std::string> categories;
  std::vector<TopicId> topics;
};

// One affiliation as a researcher's works name it.
struct AffiliationSeen {
  int works = 0;        // how many of their works name it
  int latest_year = 0;  // the newest of those works
};

struct CorpusView {
  std::vector<WorkInfo> works;                          // dense work index
  std::vector<model::ResearcherId> researcher_ids;      // dense researcher index -> id
  std::vector<std::vector<std::uint32_t>> works_of;     // researcher -> works, newest first
  std::vector<std::vector<std::uint32_t>> authors_of;   // work -> researchers
  std::vector<std::unordered_map<std::string, AffiliationSeen>> affiliations_of;  // researcher -> affiliations
  std::vector<std::string> display_names;               // researcher -> name
  TopicMiner topics;
  int latest_year = 0;
};

// Loads the view (two passes over works for topic mining), marking its phases on `clock`.
Result<CorpusView> load_corpus(store::ProfileStore& store, PhaseClock* clock = nullptr);

}  // namespace bzpeer::enrich

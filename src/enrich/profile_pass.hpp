#pragma once
// Derives every researcher's profile facts from the catalog and saves them:
// topics, close collaborators, affiliation, trust, verification and graph summary.
#include "core/result.hpp"
#include "store/profile_store.hpp"

namespace bzpeer::enrich {

struct EnrichStats {
  size_t researchers = 0;
  size_t works = 0;
  size_t topics = 0;
  std::string phases;  // seconds per phase, for the build's line
};

// How many of each list a profile keeps.
struct ProfileLimits {
  size_t phrase_topics = 12;
  size_t field_topics = 3;
  size_t close_collaborators = 4;
  size_t graph_top = 3;
  size_t nearby_people_scanned = 50;  // strongest co-authors whose works count as nearby papers
  size_t nearby_works_per_person = 100;  // their most recent works
};

Result<EnrichStats> run_enrich(store::ProfileStore& store, const ProfileLimits& limits = {});

}  // namespace bzpeer::enrich

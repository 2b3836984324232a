#pragma once
// Derives every researcher's profile facts from the catalog and saves them:
// topics, close collaborators, affiliation, trust, verification and graph summary.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "enrich/corpus_view.hpp"
#include "enrich/topic_catalog.hpp"
#include "model/researcher.hpp"
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

struct NearbyScratch;  // profile_pass.cpp's

// One researcher's profile at a time from the view, its scratch space reused.
class ProfileMaker {
 public:
  ProfileMaker(const CorpusView& view, const ProfileLimits& limits);
  ~ProfileMaker();
  model::ResearcherProfile make(std::uint32_t researcher);  // a dense index of the view

 private:
  const CorpusView& view_;
  ProfileLimits limits_;
  std::vector<double> strength_;
  std::vector<int> shared_;
  std::vector<int> topic_counts_;
  std::unique_ptr<NearbyScratch> nearby_;
};

// Makes and saves the profiles of the view's researchers that `chosen` picks (a
// partition of them, or all), tallying their topics into `topics`; returns how many.
Result<size_t> save_profiles_of(store::ProfileStore& store, const CorpusView& view, const ProfileLimits& limits,
                                const std::function<bool(model::ResearcherId)>& chosen, TopicCatalog& topics);

// Every profile and the topics list, in one process.
Result<EnrichStats> run_enrich(store::ProfileStore& store, const ProfileLimits& limits = {});

}  // namespace bzpeer::enrich

#pragma once
// Enrich's face of the catalog: the works, authorships and researcher assignment it
// derives profiles and topics from, and where it writes them.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::store {

class ProfileStore : public PassRows {
 public:
  // The (researcher, work) pairs of the assignment, by work.
  virtual Status for_each_researcher_work(const std::function<void(model::ResearcherId, std::int64_t work_id)>& visit) = 0;
  virtual Status for_each_researcher(const std::function<void(model::ResearcherId, const std::string& display_name)>& visit) = 0;
  // One transaction each; topics are replaced wholesale.
  virtual Status save_profiles(const std::vector<model::ResearcherProfile>& profiles) = 0;
  virtual Status save_topics(const std::vector<model::TopicSummary>& topics) = 0;
};

}  // namespace bzpeer::store

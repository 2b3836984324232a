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
#include "store/pass_rows.hpp"

namespace bzpeer::store {

class ProfileStore : public AssignmentRows {
 public:
  // One transaction each; topics are replaced wholesale.
  virtual Status save_profiles(const std::vector<model::ResearcherProfile>& profiles) = 0;
  virtual Status save_topics(const std::vector<model::TopicSummary>& topics) = 0;
};

}  // namespace bzpeer::store

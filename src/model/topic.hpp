#pragma once
// A research topic as search and the topic pages show it: a phrase mined from the
// corpus ("topic:masked image modeling") or a source field ("field:Computer Vision").
#include <string>

namespace bzpeer::model {

struct TopicSummary {
  std::string id;     // "topic:<label>" or "field:<label>"
  std::string label;
  int works_count = 0;        // works that carry it
  int researchers_count = 0;  // researchers whose profile lists it
};

}  // namespace bzpeer::model

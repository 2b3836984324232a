#pragma once
// The corpus-wide list of topics that search and topic pages show: every topic that
// some researcher's profile lists, with how many works carry it and how many
// researchers list it.
#include <string>
#include <unordered_map>
#include <vector>

#include "enrich/corpus_view.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "store/build_queue.hpp"

namespace bzpeer::enrich {

class TopicCatalog {
 public:
  // Counts one profile's topics.
  void add_profile(const std::vector<model::NamedCount>& topics);
  // What a partition of the profiles counted, to be added up in another process.
  std::vector<store::TopicTally> tallies() const;
  void add(const store::TopicTally& tally);
  // The tallied topics with their works counts from the corpus, sorted by id.
  std::vector<model::TopicSummary> finish(const CorpusView& view) const;

 private:
  struct Tally {
    std::string label;
    int researchers = 0;
  };
  std::unordered_map<std::string, Tally> tallies_;
};

}  // namespace bzpeer::enrich

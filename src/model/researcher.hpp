#pragma once
// The public author record built by identity and enriched by enrich.
#include <cstdint>
#include <string>
#include <vector>

#include "model/ids.hpp"
#include "model/states.hpp"

namespace bzpeer::model {

std::string format_researcher_id(ResearcherId id);
// Parses "R123" (or "r123"); returns 0 when malformed.
ResearcherId parse_researcher_id(const std::string& text);
// Parses a work id, "W123" (or "w123", or the bare number); returns 0 when malformed.
std::int64_t parse_work_id(const std::string& text);

struct NamedCount {
  std::string id;    // researcher id, topic id or empty
  std::string name;
  double weight = 0;
  int count = 0;
  std::string via{};  // a nearby work: the co-author it is reached through
};

struct TrustPart {
  std::string key;          // "verification", "publications", ...
  std::string label;        // shown on the profile
  double points = 0;
  double max_points = 0;
  std::string explanation;  // the inputs and how they gave these points
};

struct Trust {
  int score = 0;
  std::string tier;
  std::vector<TrustPart> breakdown;
};

// The researcher in context, as the profile's graph card states it: their own works,
// works nearby (their co-authors' other works, each with the co-author it comes
// through), their co-authors, topics and institutions.
struct GraphSummary {
  int own_works = 0, papers = 0, people = 0, topics = 0, institutions = 0;  // papers: nearby works
  std::vector<NamedCount> top_own, top_papers, top_people, top_topics, top_institutions;
};

// Everything a profile page shows, as `bzpeer build` derived it.
struct ResearcherProfile {
  ResearcherId id;
  std::string display_name;
  std::string tagline;
  std::string affiliation;  // empty: "Affiliation not imported"
  bool open_to_collaborate = true;
  VerificationLevel verification_level = VerificationLevel::L1;
  bool claimed = false;
  int works_count = 0;
  // Works tied to the profile on weak evidence, as the last build left them (works the
  // researcher has since confirmed or removed are still counted: CatalogReader::
  // weak_work_count leaves those out).
  int weak_works = 0;
  int followers_count = 0;
  std::vector<NamedCount> topics;
  std::vector<NamedCount> collaborators;
  Trust trust;
  GraphSummary graph;
};

}  // namespace bzpeer::model

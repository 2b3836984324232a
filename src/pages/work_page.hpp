#pragma once
// The work page's facts: the work, each author with the researcher it was attributed
// to and how firmly, its topics, works like it, and who else wrote on its subject.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/researcher.hpp"
#include "search/searcher.hpp"
#include "core/result.hpp"
#include "store/catalog_reader.hpp"

namespace bzpeer::pages {

struct WorkAuthor {
  std::string name, affiliation;
  model::ResearcherId researcher;  // 0 before identity has run
  std::optional<model::AttributionStrength> strength;  // store::Attribution of this authorship
  std::string explanation;
};

struct WorkPage {
  store::WorkSummary work;
  std::vector<WorkAuthor> authors;
  std::vector<model::NamedCount> topics;  // id "topic:..." or "field:..."
  std::vector<store::WorkSummary> related;
  // Researchers outside its author list, by how many of the related works they wrote.
  std::vector<model::NamedCount> also_wrote;
};

// nullopt when there is no such work. Related works need the search index; without
// one (or when it fails) the page goes without them.
Result<std::optional<WorkPage>> work_page(std::int64_t id, store::CatalogReader& catalog, search::Searcher* searcher);

// The topics a work carries: its categories as fields, and those of its authors'
// profile topics whose words appear in its title or abstract.
std::vector<model::NamedCount> topics_of_work(const store::WorkSummary& work,
                                              const std::vector<std::vector<model::NamedCount>>& author_topics);

}  // namespace bzpeer::pages

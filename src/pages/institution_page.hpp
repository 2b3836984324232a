#pragma once
// The institution page's facts, from the research graph (institutions are the
// affiliations printed on authorships, shared by their folded name): its researchers
// by how many of their authorships name it, their newest works, and their topics.
#include <optional>
#include <string>
#include <vector>

#include "graph/graph_view.hpp"
#include "model/researcher.hpp"
#include "core/result.hpp"
#include "store/catalog_reader.hpp"

namespace bzpeer::pages {

struct InstitutionPage {
  std::string id, name;
  std::vector<model::NamedCount> researchers;  // count: authorships naming the institution
  size_t researchers_total = 0;
  std::vector<store::WorkSummary> works;       // the researchers' newest, newest first
  std::vector<model::NamedCount> topics;       // count: researchers with the topic
};

// `id` is "institution:<name>"; nullopt when the graph has no such institution.
Result<std::optional<InstitutionPage>> institution_page(const std::string& id, store::CatalogReader& catalog,
                                                        const graph::GraphView& graph);

}  // namespace bzpeer::pages

#include "snapshot/openalex_shape.hpp"

#include <sstream>

namespace bzpeer::snapshot {

using nlohmann::json;

namespace {
json or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string position_name(size_t i, size_t n) { return i == 0 ? "first" : i + 1 == n ? "last" : "middle"; }
}  // namespace

json inverted_index(const std::string& abstract) {
  json index = json::object();
  std::istringstream words(abstract);
  std::string word;
  for (int at = 0; words >> word; ++at) index[word].push_back(at);
  return index;
}

json work_record(const store::WorkSummary& w, const std::vector<store::AuthorshipAttribution>& attributions) {
  json authorships = json::array();
  for (size_t i = 0; i < w.authors.size(); ++i) {
    const model::ResearcherId r = i < w.author_ids.size() ? w.author_ids[i] : model::ResearcherId();
    const std::string affiliation = i < w.author_affiliations.size() ? w.author_affiliations[i] : "";
    json a = {{"author_position", position_name(i, w.authors.size())},
              {"author", {{"id", r ? json(model::format_researcher_id(r)) : json(nullptr)}, {"display_name", w.authors[i]}}},
              {"raw_author_name", w.authors[i]},
              {"institutions", affiliation.empty() ? json::array() : json::array({{{"display_name", affiliation}}})},
              {"raw_affiliation_strings", affiliation.empty() ? json::array() : json::array({affiliation})}};
    if (i < attributions.size() && attributions[i].attribution.strength)
      a["attribution"] = {{"strength", model::name(*attributions[i].attribution.strength)},
                          {"explanation", attributions[i].attribution.explanation}};
    authorships.push_back(std::move(a));
  }
  json topics = json::array();
  for (const auto& c : w.categories) topics.push_back({{"id", "field:" + c}, {"display_name", c}});
  return {{"id", "W" + std::to_string(w.id)},
          {"ids", {{"source", w.source}, {"external", w.external_id}}},
          {"doi", or_null(w.doi)},
          {"title", w.title},
          {"display_name", w.title},
          {"publication_year", w.year > 0 ? json(w.year) : json(nullptr)},
          {"publication_date", or_null(w.date)},
          {"type", or_null(w.type)},
          {"primary_location",
           {{"landing_page_url", or_null(w.url)}, {"source", w.venue.empty() ? json(nullptr) : json{{"display_name", w.venue}}}}},
          {"authorships", authorships},
          {"topics", topics},
          {"abstract_inverted_index", w.abstract.empty() ? json(nullptr) : inverted_index(w.abstract)}};
}

json author_record(const model::ResearcherProfile& p, const std::vector<std::string>& name_variants,
                   const std::vector<AuthorWork>& works) {
  json topics = json::array();
  for (const auto& t : p.topics) topics.push_back({{"id", t.id}, {"display_name", t.name}, {"count", t.count}});
  json list = json::array();
  for (const auto& w : works)
    list.push_back({{"id", "W" + std::to_string(w.work_id)},
                    {"attribution_strength", w.attribution.strength ? json(model::name(*w.attribution.strength)) : json(nullptr)},
                    {"attribution", or_null(w.attribution.explanation)}});
  return {{"id", model::format_researcher_id(p.id)},
          {"display_name", p.display_name},
          {"display_name_alternatives", name_variants},
          {"works_count", p.works_count},
          {"last_known_institutions", p.affiliation.empty() ? json::array() : json::array({{{"display_name", p.affiliation}}})},
          {"topics", topics},
          {"works", list}};
}

json topic_record(const model::TopicSummary& t) {
  return {{"id", t.id}, {"display_name", t.label}, {"works_count", t.works_count}, {"researchers_count", t.researchers_count}};
}

}  // namespace bzpeer::snapshot

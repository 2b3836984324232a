#include "http/json_views.hpp"

#include "http/templates.hpp"

namespace bzpeer::http {

using nlohmann::json;

namespace {
json named_list(const std::vector<model::NamedCount>& items) {
  json out = json::array();
  for (const auto& item : items) {
    json j = {{"id", item.id}, {"display_name", item.name}, {"score", item.weight}, {"count", item.count}};
    if (!item.via.empty()) j["via"] = item.via;  // a nearby work's co-author
    out.push_back(std::move(j));
  }
  return out;
}
}  // namespace

json researcher_json(const model::ResearcherProfile& p) {
  json breakdown = json::array();
  for (const auto& part : p.trust.breakdown)
    breakdown.push_back({{"key", part.key},
                         {"label", part.label},
                         {"points", part.points},
                         {"max_points", part.max_points},
                         {"explanation", part.explanation}});
  const auto& g = p.graph;
  return {{"id", model::format_researcher_id(p.id)},
          {"display_name", p.display_name},
          {"tagline", p.tagline},
          {"affiliation", p.affiliation.empty() ? json(nullptr) : json(p.affiliation)},
          {"open_to_collaborate", p.open_to_collaborate},
          {"works_count", p.works_count},
          {"followers_count", p.followers_count},
          {"topics_count", p.topics.size()},
          {"collaborators_count", p.collaborators.size()},
          {"topics", named_list(p.topics)},
          {"collaborators", named_list(p.collaborators)},
          {"trust", {{"score", p.trust.score}, {"tier", p.trust.tier}, {"breakdown", breakdown}}},
          {"verification_level", model::name(p.verification_level)},
          {"claimed", p.claimed},
          {"graph",
           {{"own_works", g.own_works ? g.own_works : p.works_count},
            {"nearby_works", g.papers},
            {"papers", g.papers},
            {"people", g.people},
            {"topics", g.topics},
            {"institutions", g.institutions},
            {"top_own", named_list(g.top_own)},
            {"top_papers", named_list(g.top_papers)},
            {"top_people", named_list(g.top_people)},
            {"top_topics", named_list(g.top_topics)},
            {"top_institutions", named_list(g.top_institutions)}}}};
}

json work_json(const store::WorkSummary& w) {
  return {{"id", "W" + std::to_string(w.id)},
          {"external_id", w.external_id},
          {"title", w.title},
          {"abstract", w.abstract},
          {"type", w.type},
          {"source", w.source},
          {"venue", w.venue},
          {"publication_year", w.year},
          {"publication_date", w.date},
          {"categories", w.categories},
          {"doi", w.doi.empty() ? json(nullptr) : json(w.doi)},
          {"url", work_link(w.url, "")},  // only http(s): a record's "javascript:" link is not passed on
          {"authors", w.authors},
          {"attribution", w.attribution.empty() ? json(nullptr) : json(w.attribution)},
          {"attribution_strength", strength_json(w.attribution_strength)}};
}

json error_json(int status, const std::string& message) { return {{"error", {{"status", status}, {"message", message}}}}; }

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthorized: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::rate_limited: return 429;
    case ErrorCode::unavailable: return 503;  // a search shard is not answering
    default: return 500;
  }
}

nlohmann::json strength_json(std::optional<model::AttributionStrength> strength) {
  return strength ? nlohmann::json(model::name(*strength)) : nlohmann::json(nullptr);
}

}  // namespace bzpeer::http

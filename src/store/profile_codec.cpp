#include "store/profile_codec.hpp"

#include <nlohmann/json.hpp>

namespace bzpeer::model {

using nlohmann::json;

void to_json(json& j, const NamedCount& v) {
  j = json{{"id", v.id}, {"name", v.name}, {"weight", v.weight}, {"count", v.count}};
  if (!v.via.empty()) j["via"] = v.via;
}
void from_json(const json& j, NamedCount& v) {
  v.id = j.value("id", "");
  v.name = j.value("name", "");
  v.weight = j.value("weight", 0.0);
  v.count = j.value("count", 0);
  v.via = j.value("via", "");
}
void to_json(json& j, const TrustPart& v) {
  j = json{{"key", v.key},
           {"label", v.label},
           {"points", v.points},
           {"max_points", v.max_points},
           {"explanation", v.explanation}};
}
void from_json(const json& j, TrustPart& v) {
  v.key = j.value("key", "");
  v.label = j.value("label", "");
  v.points = j.value("points", 0.0);
  v.max_points = j.value("max_points", 0.0);
  v.explanation = j.value("explanation", "");
}

}  // namespace bzpeer::model

namespace bzpeer::store {

using nlohmann::json;

std::string encode_profile(const model::ResearcherProfile& p) {
  json graph = {{"own_works", p.graph.own_works},
                {"top_own", p.graph.top_own},
                {"papers", p.graph.papers},
                {"people", p.graph.people},
                {"topics", p.graph.topics},
                {"institutions", p.graph.institutions},
                {"top_papers", p.graph.top_papers},
                {"top_people", p.graph.top_people},
                {"top_topics", p.graph.top_topics},
                {"top_institutions", p.graph.top_institutions}};
  json j = {{"display_name", p.display_name},
            {"tagline", p.tagline},
            {"affiliation", p.affiliation},
            {"open_to_collaborate", p.open_to_collaborate},
            {"verification_level", model::name(p.verification_level)},
            {"claimed", p.claimed},
            {"works_count", p.works_count},
            {"followers_count", p.followers_count},
            {"topics", p.topics},
            {"collaborators", p.collaborators},
            {"trust", {{"score", p.trust.score}, {"tier", p.trust.tier}, {"breakdown", p.trust.breakdown}}},
            {"graph", graph}};
  return j.dump();
}

model::ResearcherProfile decode_profile(const std::string& text) {
  model::ResearcherProfile p;
  json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return p;
  p.display_name = j.value("display_name", "");
  p.tagline = j.value("tagline", "");
  p.affiliation = j.value("affiliation", "");
  p.open_to_collaborate = j.value("open_to_collaborate", true);
  p.verification_level = model::parse_verification_level(j.value("verification_level", "")).value_or(model::VerificationLevel::L1);
  p.claimed = j.value("claimed", false);
  p.works_count = j.value("works_count", 0);
  p.followers_count = j.value("followers_count", 0);
  p.topics = j.value("topics", std::vector<model::NamedCount>{});
  p.collaborators = j.value("collaborators", std::vector<model::NamedCount>{});
  if (auto t = j.find("trust"); t != j.end() && t->is_object()) {
    p.trust.score = t->value("score", 0);
    p.trust.tier = t->value("tier", "");
    p.trust.breakdown = t->value("breakdown", std::vector<model::TrustPart>{});
  }
  if (auto g = j.find("graph"); g != j.end() && g->is_object()) {
    p.graph.own_works = g->value("own_works", 0);
    p.graph.top_own = g->value("top_own", std::vector<model::NamedCount>{});
    p.graph.papers = g->value("papers", 0);
    p.graph.people = g->value("people", 0);
    p.graph.topics = g->value("topics", 0);
    p.graph.institutions = g->value("institutions", 0);
    p.graph.top_papers = g->value("top_papers", std::vector<model::NamedCount>{});
    p.graph.top_people = g->value("top_people", std::vector<model::NamedCount>{});
    p.graph.top_topics = g->value("top_topics", std::vector<model::NamedCount>{});
    p.graph.top_institutions = g->value("top_institutions", std::vector<model::NamedCount>{});
  }
  return p;
}

}  // namespace bzpeer::store

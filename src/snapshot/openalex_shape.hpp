#pragma once
// Records in the shape of the OpenAlex snapshot (works, authors, topics), so that
// tools written for OpenAlex read BZPEER's export. Ids are BZPEER's ("W12", "R7",
// "topic:..."); each authorship carries identity's attribution and its strength.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "store/attribution.hpp"
#include "store/work_summary.hpp"

namespace bzpeer::snapshot {

// `attributions` parallel to work.authors (an empty Attribution where none).
nlohmann::json work_record(const store::WorkSummary& work, const std::vector<store::AuthorshipAttribution>& attributions);

struct AuthorWork {
  std::int64_t work_id = 0;
  store::Attribution attribution;
};
nlohmann::json author_record(const model::ResearcherProfile& profile, const std::vector<std::string>& name_variants,
                             const std::vector<AuthorWork>& works);

nlohmann::json topic_record(const model::TopicSummary& topic);

// {"word": [positions]}: OpenAlex's abstract_inverted_index.
nlohmann::json inverted_index(const std::string& abstract);

}  // namespace bzpeer::snapshot

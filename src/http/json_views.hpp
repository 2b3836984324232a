#pragma once
// The public JSON shapes of the API (OpenAlex-like), kept apart from storage formats.
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "store/catalog.hpp"

namespace bzpeer::http {

nlohmann::json researcher_json(const model::ResearcherProfile& profile);
nlohmann::json work_json(const store::WorkSummary& work);
// {"error": {"status": 404, "message": "..."}}
nlohmann::json error_json(int status, const std::string& message);
// A state by its name, null when there is none.
nlohmann::json strength_json(std::optional<model::AttributionStrength> strength);
int http_status(ErrorCode code);

}  // namespace bzpeer::http

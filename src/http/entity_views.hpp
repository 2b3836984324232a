#pragma once
// The pages of one work, one topic and one institution, and the work as JSON
// (/api/v1/works/{id}).
#include <nlohmann/json.hpp>
#include <string>

#include "pages/institution_page.hpp"
#include "pages/topic_page.hpp"
#include "pages/work_page.hpp"

namespace bzpeer::http {

std::string render_work_page(const pages::WorkPage& page);
std::string render_topic_page(const pages::TopicPage& page);
std::string render_institution_page(const pages::InstitutionPage& page);
nlohmann::json work_page_json(const pages::WorkPage& page);

}  // namespace bzpeer::http

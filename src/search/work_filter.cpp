#include "search/work_filter.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace bzpeer::search {

namespace {

// Messages quote the request's own words: kept well-formed for the JSON reply.
Error bad(const std::string& message) { return Error{ErrorCode::invalid_input, text::valid_utf8(message)}; }

std::optional<int> parse_year(const std::string& s) {
  if (s.empty() || s.size() > 4 || !std::all_of(s.begin(), s.end(), ::isdigit)) return std::nullopt;
  return std::stoi(s);
}

// YYYY, YYYY-MM or YYYY-MM-DD, padded to a full date (`end` pads to the last day).
std::optional<std::string> parse_date(const std::string& s, bool end) {
  auto digits = [&](size_t from, size_t n) {
    return s.size() >= from + n && std::all_of(s.begin() + static_cast<long>(from), s.begin() + static_cast<long>(from + n), ::isdigit);
  };
  if (s.size() == 4 && digits(0, 4)) return s + (end ? "-12-31" : "-01-01");
  if (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) return s + (end ? "-31" : "-01");
  if (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2)) {
    int month = std::stoi(s.substr(5, 2)), day = std::stoi(s.substr(8, 2));
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return s;
  }
  return std::nullopt;
}

// One alternative of a clause (without its `!`).
Result<WorkCondition> alternative(const std::string& key, const std::string& value, const WorksOf& works_of) {
  using Field = WorkCondition::Field;
  WorkCondition c;
  if (key == "publication_year") {
    char op = value.empty() ? 0 : value[0];
    std::string number = (op == '>' || op == '<') ? value.substr(1) : value;
    auto year = parse_year(number);
    if (!year) return bad("filter publication_year: '" + value + "' is not a year (use 2019, >2015 or <2020)");
    c.field = op == '>' ? Field::year_after : op == '<' ? Field::year_before : Field::year;
    c.year = *year;
    return c;
  }
  if (key == "type") {
    if (value.empty() || value.size() > 40 || !std::all_of(value.begin(), value.end(), [](char ch) { return std::islower(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_'; }))
      return bad("filter type: '" + value + "' is not a work type (for example article, preprint, proceedings-article)");
    c.field = Field::type;
    c.value = value;
    return c;
  }
  if (key == "author.id") {
    model::ResearcherId id = model::parse_researcher_id(value);
    if (!id) return bad("filter author.id: '" + value + "' is not a researcher id (R followed by digits)");
    c.field = Field::one_of_works;
    auto works = works_of(id);
    if (!works) return works.error();
    c.works = std::move(*works);
    return c;
  }
  if (key == "from_publication_date" || key == "to_publication_date") {
    bool to = key[0] == 't';
    auto date = parse_date(value, to);
    if (!date) return bad("filter " + key + ": '" + value + "' is not a date (YYYY-MM-DD)");
    c.field = to ? Field::date_to : Field::date_from;
    c.value = *date;
    return c;
  }
  if (key == "category" || key == "venue") {
    c.field = key == "category" ? Field::category : Field::venue;
    c.value = value;
    return c;
  }
  return bad("unknown filter '" + key +
             "'; the filters are publication_year, type, author.id, from_publication_date, to_publication_date, "
             "category, venue");
}

}  // namespace

Result<std::optional<WorkFilter>> parse_work_filter(const std::string& filter, const WorksOf& works_of) {
  if (filter.size() > 2000) return bad("the filter is longer than 2000 characters");
  WorkFilter out;
  for (const auto& clause : text::split(filter, ',')) {
    if (clause.empty()) continue;
    size_t colon = clause.find(':');
    if (colon == std::string::npos || colon == 0) return bad("filter '" + clause + "' needs the form key:value");
    std::string key = clause.substr(0, colon);
    std::string values = clause.substr(colon + 1);
    bool negated = !values.empty() && values[0] == '!';
    if (negated) values.erase(0, 1);
    WorkFilter::Clause options;
    auto parts = text::split(values, '|');
    if (parts.empty()) parts.push_back("");
    if (parts.size() > 100) return bad("filter " + key + " has more than 100 alternatives");
    for (const auto& v : parts) {
      auto c = alternative(key, v, works_of);
      if (!c) return c.error();
      options.push_back(std::move(*c));
    }
    (negated ? out.excluded : out.required).push_back(std::move(options));
  }
  if (out.required.empty() && out.excluded.empty()) return std::optional<WorkFilter>{};
  return std::optional<WorkFilter>{std::move(out)};
}

Result<WorkSort> parse_work_sort(const std::string& sort, bool has_text) {
  if (sort.empty()) return has_text ? WorkSort::relevance : WorkSort::date_desc;
  std::string key = sort, direction = "desc";
  if (auto colon = sort.find(':'); colon != std::string::npos) {
    key = sort.substr(0, colon);
    direction = sort.substr(colon + 1);
  }
  if (direction != "desc" && direction != "asc")
    return bad("sort direction '" + direction + "' must be asc or desc");
  bool desc = direction == "desc";
  if (key == "relevance_score") {
    if (!has_text) return bad("sort=relevance_score needs search text");
    if (!desc) return bad("relevance_score sorts only descending");
    return WorkSort::relevance;
  }
  if (key == "publication_date") return desc ? WorkSort::date_desc : WorkSort::date_asc;
  if (key == "publication_year") return desc ? WorkSort::year_desc : WorkSort::year_asc;
  return bad("unknown sort '" + key + "'; sort by relevance_score, publication_date or publication_year");
}

Result<Facet> parse_group_by(const std::string& key) {
  if (key == "publication_year") return Facet::year;
  if (key == "type") return Facet::type;
  if (key == "venue") return Facet::venue;
  if (key == "category") return Facet::category;
  return bad("unknown group_by '" + key + "'; group by publication_year, type, venue or category");
}

}  // namespace bzpeer::search

#include "search/work_filter.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "search/schema.hpp"

namespace bzpeer::search {

namespace {

Error bad(const std::string& message) { return Error{ErrorCode::invalid_input, message}; }

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

Xapian::Query any_of(const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query::MatchNothing;
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// One alternative of a clause (without its `!`), as a query.
Result<Xapian::Query> alternative(const std::string& key, const std::string& value, const WorksOf& works_of) {
  if (key == "publication_year") {
    char op = value.empty() ? 0 : value[0];
    std::string number = (op == '>' || op == '<') ? value.substr(1) : value;
    auto year = parse_year(number);
    if (!year) return bad("filter publication_year: '" + value + "' is not a year (use 2019, >2015 or <2020)");
    if (op == '>') return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot::year, Xapian::sortable_serialise(*year + 1));
    if (op == '<') return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot::year, Xapian::sortable_serialise(*year - 1));
    return Xapian::Query(prefix::year + std::to_string(*year));
  }
  if (key == "type") {
    if (value.empty() || value.size() > 40 || !std::all_of(value.begin(), value.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-' || c == '_'; }))
      return bad("filter type: '" + value + "' is not a work type (for example article, preprint, proceedings-article)");
    return Xapian::Query(prefix::type + value);
  }
  if (key == "author.id") {
    model::ResearcherId id = model::parse_researcher_id(value);
    if (!id) return bad("filter author.id: '" + value + "' is not a researcher id (R followed by digits)");
    std::vector<Xapian::Query> works;
    for (std::int64_t w : works_of(id)) works.emplace_back(prefix::work_id + std::to_string(w));
    return any_of(works);
  }
  if (key == "from_publication_date" || key == "to_publication_date") {
    bool to = key[0] == 't';
    auto date = parse_date(value, to);
    if (!date) return bad("filter " + key + ": '" + value + "' is not a date (YYYY-MM-DD)");
    return Xapian::Query(to ? Xapian::Query::OP_VALUE_LE : Xapian::Query::OP_VALUE_GE, slot::date, *date);
  }
  if (key == "category") return Xapian::Query(prefix::category_exact + text::fold(value));
  if (key == "venue") return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot::venue, value, value);
  return bad("unknown filter '" + key +
             "'; the filters are publication_year, type, author.id, from_publication_date, to_publication_date, "
             "category, venue");
}

}  // namespace

Result<std::optional<Xapian::Query>> parse_work_filter(const std::string& filter, const WorksOf& works_of) {
  if (filter.size() > 2000) return bad("the filter is longer than 2000 characters");
  std::vector<Xapian::Query> required, excluded;
  for (const auto& clause : text::split(filter, ',')) {
    if (clause.empty()) continue;
    size_t colon = clause.find(':');
    if (colon == std::string::npos || colon == 0) return bad("filter '" + clause + "' needs the form key:value");
    std::string key = clause.substr(0, colon);
    std::string values = clause.substr(colon + 1);
    bool negated = !values.empty() && values[0] == '!';
    if (negated) values.erase(0, 1);
    std::vector<Xapian::Query> options;
    auto parts = text::split(values, '|');
    if (parts.empty()) parts.push_back("");
    if (parts.size() > 100) return bad("filter " + key + " has more than 100 alternatives");
    for (const auto& v : parts) {
      auto q = alternative(key, v, works_of);
      if (!q) return q.error();
      options.push_back(*q);
    }
    (negated ? excluded : required).push_back(any_of(options));
  }
  if (required.empty() && excluded.empty()) return std::optional<Xapian::Query>{};
  Xapian::Query q = required.empty() ? Xapian::Query::MatchAll
                                     : Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
  for (const auto& e : excluded) q = Xapian::Query(Xapian::Query::OP_AND_NOT, q, e);
  return std::optional<Xapian::Query>{q};
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

Result<Xapian::valueno> group_by_slot(const std::string& key) {
  if (key == "publication_year") return slot::year;
  if (key == "type") return slot::type;
  if (key == "venue") return slot::venue;
  if (key == "category") return slot::category;
  return bad("unknown group_by '" + key + "'; group by publication_year, type, venue or category");
}

std::string group_value_label(Xapian::valueno s, const std::string& value) {
  if (s == slot::year) return std::to_string(static_cast<int>(Xapian::sortable_unserialise(value)));
  return value;
}

}  // namespace bzpeer::search

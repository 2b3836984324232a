#include "ingest/validate.hpp"

#include <cctype>
#include <chrono>
#include <string_view>

#include "core/text.hpp"

namespace bzpeer::ingest {

namespace {

int current_year() {
  auto now = std::chrono::system_clock::now();
  return static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
}

std::optional<std::string> check_field(const char* name, const std::string& value, size_t limit) {
  if (value.size() > limit)
    return std::string("field '") + name + "' is " + std::to_string(value.size()) + " bytes (limit " +
           std::to_string(limit) + ")";
  if (!text::is_valid_utf8(value)) return std::string("field '") + name + "' is not valid UTF-8";
  return std::nullopt;
}

// "arxiv:" or "openalex: " is a source's prefix with nothing after it: a record with
// "id": null or "" would otherwise be stored under it and overwrite the last such one.
bool has_id(const std::string& external_id) {
  auto colon = external_id.find(':');
  std::string_view local = colon == std::string::npos ? std::string_view(external_id)
                                                      : std::string_view(external_id).substr(colon + 1);
  return !text::squeeze_spaces(local).empty();
}

}  // namespace

std::optional<std::string> validate(const model::Work& w) {
  if (!has_id(w.external_id)) return "missing id";
  if (text::squeeze_spaces(w.title).empty()) return "missing title";
  if (w.year < Limits::first_year || w.year > current_year() + 1)
    return "impossible year " + std::to_string(w.year);
  if (auto e = check_field("id", w.external_id, Limits::field_bytes)) return e;
  if (auto e = check_field("title", w.title, Limits::title_bytes)) return e;
  if (auto e = check_field("abstract", w.abstract, Limits::abstract_bytes)) return e;
  for (auto [name, value] : {std::pair{"venue", &w.venue}, {"doi", &w.doi}, {"url", &w.url}, {"date", &w.date}})
    if (auto e = check_field(name, *value, Limits::field_bytes)) return e;
  for (const auto& c : w.categories)
    if (auto e = check_field("categories", c, Limits::field_bytes)) return e;
  if (w.cited.size() > Limits::references)
    return std::to_string(w.cited.size()) + " references (limit " + std::to_string(Limits::references) + ")";
  for (const auto& c : w.cited)
    if (auto e = check_field("references", c, Limits::field_bytes)) return e;
  if (w.authors.size() > Limits::authors)
    return std::to_string(w.authors.size()) + " authors (limit " + std::to_string(Limits::authors) + ")";
  for (const auto& a : w.authors) {
    for (auto [name, value] : {std::pair{"author name", &a.raw_name}, {"author first", &a.first}, {"author last", &a.last}})
      if (auto e = check_field(name, *value, Limits::name_bytes)) return e;
    for (auto [name, value] : {std::pair{"affiliation", &a.affiliation}, {"email", &a.email}, {"orcid", &a.orcid},
                               {"author id", &a.source_person_id}})
      if (auto e = check_field(name, *value, Limits::field_bytes)) return e;
    if (text::squeeze_spaces(a.raw_name).empty()) return "author " + std::to_string(a.position + 1) + " has no name";
  }
  return std::nullopt;
}

void normalize(model::Work& w) {
  w.title = text::squeeze_spaces(w.title);
  w.abstract = text::squeeze_spaces(w.abstract);
  w.venue = text::squeeze_spaces(w.venue);
  for (auto& a : w.authors) {
    a.first = text::squeeze_spaces(a.first);
    a.last = text::squeeze_spaces(a.last);
    a.raw_name = text::squeeze_spaces(a.raw_name);
    if (a.raw_name.empty()) a.raw_name = text::squeeze_spaces(a.first + " " + a.last);
    a.affiliation = text::squeeze_spaces(a.affiliation);
    a.orcid = normalize_orcid(a.orcid);
  }
}

void deliver(model::Work&& work, RecordSink& sink, const std::string& file, std::uint64_t line, const std::string& what) {
  normalize(work);
  if (auto problem = validate(work)) {
    sink.reject({file, line, what + *problem});
    return;
  }
  sink.accept(std::move(work));
}

int four_digit_year(const std::string& text) {
  if (text.size() != 4) return 0;
  int year = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    year = year * 10 + (c - '0');
  }
  return year;
}

int month_number(std::string_view name) {
  static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  char lower[4] = {};
  for (int i = 0; i < 3; ++i) lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[i])));
  for (int i = 0; i < 12; ++i)
    if (std::string_view(lower, 3) == names[i]) return i + 1;
  return 0;
}

std::string normalize_orcid(const std::string& text) {
  std::string id = text::squeeze_spaces(text);
  for (const char* prefix : {"https://orcid.org/", "http://orcid.org/", "orcid.org/"})
    if (id.starts_with(prefix)) id = id.substr(std::string_view(prefix).size());
  if (id.size() != 19) return "";
  // Four groups of four, the last character a check digit (ISO 7064 MOD 11-2; X is 10).
  int total = 0;
  for (size_t i = 0; i < 19; ++i) {
    char c = id[i];
    if (i % 5 == 4) {
      if (c != '-') return "";
      continue;
    }
    if (i == 18) {
      int check = (12 - total % 11) % 11;
      bool ok = check == 10 ? (c == 'X' || c == 'x') : c == static_cast<char>('0' + check);
      if (!ok) return "";
      id[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      break;
    }
    if (c < '0' || c > '9') return "";
    total = (total + (c - '0')) * 2;
  }
  return id;
}

}  // namespace bzpeer::ingest

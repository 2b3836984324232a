// arXiv metadata snapshot (JSON lines), parsed with simdjson's On-Demand API.
#include "ingest/arxiv_reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cstdio>

#include "core/text.hpp"
#include "ingest/detex.hpp"
#include "ingest/json_lines.hpp"
#include "ingest/name_split.hpp"
#include "ingest/validate.hpp"

namespace bzpeer::ingest {

namespace {

using simdjson::ondemand::value;

// "Mon, 2 Apr 2007 19:18:42 GMT" -> "2007-04-02"; empty when not of that shape.
std::string rfc2822_date(std::string_view s) {
  int day = 0, year = 0;
  char month[4] = {};
  std::string copy(s);
  if (std::sscanf(copy.c_str(), "%*3s, %d %3s %d", &day, month, &year) != 3) return {};
  int m = month_number(month);
  if (m == 0 || day < 1 || day > 31) return {};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, m, day);
  return out;
}

// Year from an ISO date prefix ("2008-11-13", "2008-11" or "2008").
int year_of(std::string_view date) {
  if (date.size() < 4) return 0;
  int year = 0;
  for (int i = 0; i < 4; ++i) {
    if (date[static_cast<size_t>(i)] < '0' || date[static_cast<size_t>(i)] > '9') return 0;
    year = year * 10 + (date[static_cast<size_t>(i)] - '0');
  }
  return year;
}

// "2101.00001", "0704.0001" or "hep-th/9901001": only these have an arXiv abstract page.
bool is_arxiv_identifier(std::string_view id) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (auto dot = id.find('.'); dot == 4 && digits(id.substr(0, 4))) {
    std::string_view rest = id.substr(5);
    if (auto v = rest.find('v'); v != std::string_view::npos) rest = rest.substr(0, v);
    return (rest.size() == 4 || rest.size() == 5) && digits(rest);
  }
  auto slash = id.find('/');
  return slash != std::string_view::npos && slash > 0 && digits(id.substr(slash + 1, 7)) && id.size() >= slash + 8;
}

void parse_authors_parsed(value v, model::Work& work) {
  int position = 0;
  for (auto entry : v.get_array()) {
    std::string parts[3];
    int i = 0;
    for (auto part : entry.get_array()) {
      if (i < 3) parts[i] = json_text(part.value());
      ++i;
    }
    model::Authorship a;
    a.position = position++;
    a.last = detex(parts[0]);
    a.first = detex(parts[1]);
    std::string suffix = detex(parts[2]);
    a.raw_name = a.first.empty() ? a.last : a.first + " " + a.last;
    if (!suffix.empty()) a.raw_name += " " + suffix;
    work.authors.push_back(std::move(a));
  }
}

// Parses one JSON line into `work`; throws simdjson_error on malformed JSON.
void parse_arxiv_record(simdjson::ondemand::object record, model::Work& work) {
  std::string authors_text, first_version_date, update_date, journal_ref;
  bool have_parsed_authors = false;
  for (auto field : record) {
    std::string_view key = field.unescaped_key();
    value v = field.value();
    read_field(key, [&] {
      if (key == "id") work.external_id = "arxiv:" + json_text(v);
      else if (key == "title") work.title = detex(json_text(v));
      else if (key == "abstract") work.abstract = json_text(v);
      else if (key == "doi") work.doi = json_text(v);
      else if (key == "journal-ref") journal_ref = json_text(v);
      else if (key == "update_date") update_date = json_text(v);
      else if (key == "authors") authors_text = json_text(v);
      else if (key == "categories") {
        work.categories = text::split(json_text(v), ' ');
      } else if (key == "versions") {
        if (!v.is_null())
          for (auto version : v.get_array()) {
            if (first_version_date.empty()) {
              auto created = version.find_field_unordered("created");
              if (!created.error()) first_version_date = rfc2822_date(json_text(created.value()));
            }
          }
      } else if (key == "authors_parsed") {
        if (!v.is_null()) {
          parse_authors_parsed(v, work);
          have_parsed_authors = true;
        }
      }
    });
  }
  if (!have_parsed_authors) {
    int position = 0;
    for (auto& name : split_author_list(detex(authors_text))) {
      auto a = split_name(name);
      a.position = position++;
      work.authors.push_back(std::move(a));
    }
  }
  work.source = "arXiv";
  work.type = journal_ref.empty() ? "preprint" : "article";
  work.venue = journal_ref;  // a preprint has no venue yet ("arXiv" is its source, not a venue)
  work.date = !first_version_date.empty() ? first_version_date : update_date;
  work.year = year_of(work.date);
  if (is_arxiv_identifier(work.external_id.substr(std::min<size_t>(6, work.external_id.size()))))
    work.url = "https://arxiv.org/abs/" + work.external_id.substr(6);
}

}  // namespace

void read_arxiv(const std::string& path, RecordSink& sink) { read_json_records(path, sink, parse_arxiv_record); }

}  // namespace bzpeer::ingest

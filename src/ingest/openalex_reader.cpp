// OpenAlex works (JSON lines), parsed with simdjson's On-Demand API. The parts that
// matter for identity: each authorship's printed name, its institutions and the ORCID
// iD, and the referenced works.
#include "ingest/openalex_reader.hpp"

#include <algorithm>
#include <utility>

#include "core/text.hpp"
#include "ingest/json_lines.hpp"
#include "ingest/name_split.hpp"
#include "ingest/validate.hpp"

namespace bzpeer::ingest {

namespace {

using simdjson::ondemand::object;
using simdjson::ondemand::value;

// "https://openalex.org/W2741809807" -> "W2741809807"; "https://doi.org/10.1/x" -> "10.1/x".
std::string after_prefix(std::string text, std::string_view prefix) {
  if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  return text;
}

// OpenAlex ships no plain-text abstract, only word -> positions. Words are put back in
// order; a record claiming more words than an abstract can hold is cut there.
std::string abstract_from_inverted_index(object index) {
  std::vector<std::pair<std::uint64_t, std::string>> words;
  size_t bytes = 0;
  for (auto field : index) {
    std::string word(field.unescaped_key().value());
    for (auto position : field.value().get_array()) {
      if (bytes > Limits::abstract_bytes) break;
      words.emplace_back(position.get_uint64(), word);
      bytes += word.size() + 1;
    }
  }
  std::sort(words.begin(), words.end());
  std::string out;
  for (const auto& [position, word] : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// Categories are stored space-separated, so "Computer Vision and Pattern Recognition"
// is kept as one category with underscores (shown with its spaces again).
std::string as_category(std::string name) {
  name = text::squeeze_spaces(name);
  std::replace(name.begin(), name.end(), ' ', '_');
  return name;
}

// Each topic's subfield ("Computer Vision and Pattern Recognition"): fine enough to tell
// fields apart, coarse enough that one person's works share them.
void read_topics(value topics, model::Work& work) {
  if (topics.is_null()) return;
  for (auto topic : topics.get_array()) {
    auto subfield = topic.find_field_unordered("subfield");
    if (subfield.error() || subfield.is_null()) continue;
    auto name = subfield.find_field_unordered("display_name");
    if (name.error()) continue;
    std::string category = as_category(json_text(name.value()));
    if (!category.empty() && std::find(work.categories.begin(), work.categories.end(), category) == work.categories.end())
      work.categories.push_back(std::move(category));
  }
}

// The printed name, the institutions (or, without matched ones, the raw affiliation
// strings) and the ORCID iD of one authorship.
model::Authorship read_authorship(object authorship) {
  std::string raw_name, display_name, orcid;
  std::vector<std::string> institutions, raw_affiliations;
  for (auto field : authorship) {
    std::string_view key = field.unescaped_key();
    value v = field.value();
    if (key == "raw_author_name") raw_name = json_text(v);
    else if (key == "author" && !v.is_null()) {
      for (auto part : v.get_object()) {
        std::string_view k = part.unescaped_key();
        if (k == "display_name") display_name = json_text(part.value());
        else if (k == "orcid") orcid = json_text(part.value());
      }
    } else if (key == "institutions" && !v.is_null()) {
      for (auto institution : v.get_array()) {
        auto name = institution.find_field_unordered("display_name");
        if (!name.error() && !name.is_null()) institutions.push_back(json_text(name.value()));
      }
    } else if (key == "raw_affiliation_strings" && !v.is_null()) {
      for (auto s : v.get_array()) raw_affiliations.push_back(json_text(s.value()));
    } else if (key == "raw_affiliation_string") {  // the 2023 schema: one string
      raw_affiliations.push_back(json_text(v));
    }
  }
  // The printed form first: the display name is OpenAlex's choice for the whole cluster.
  model::Authorship a = split_name(!raw_name.empty() ? raw_name : display_name);
  const auto& places = !institutions.empty() ? institutions : raw_affiliations;
  for (const auto& place : places)
    if (!place.empty()) a.affiliation += (a.affiliation.empty() ? "" : "; ") + place;
  // OpenAlex's author ids are its own machine clustering, not a curated person: they are
  // not taken as a source person id. An ORCID iD is the person's own.
  a.orcid = orcid;
  return a;
}

std::string work_type(const std::string& openalex_type, const std::string& source_type) {
  if (openalex_type == "preprint" || openalex_type == "posted-content") return "preprint";
  if (source_type == "conference") return "proceedings";
  return "article";
}

// Fields read into something other than the work itself.
struct ExtraFields {
  std::string type, source_type, landing_page, display_name;
  std::string host_venue;                // the 2023 schema's venue
  std::vector<std::string> concepts;     // the 2023 schema's subjects, used without topics
};

// The 2023 schema's concepts at levels 0 and 1 ("Medicine", "Internal medicine"): the
// closest it has to topics' subfields (level 2 and below are single subjects).
void read_concepts(value concepts, std::vector<std::string>& out) {
  if (concepts.is_null()) return;
  for (auto concept_value : concepts.get_array()) {
    std::string name;
    std::int64_t level = 99;
    for (auto part : concept_value.get_object()) {
      std::string_view k = part.unescaped_key();
      if (k == "display_name") name = json_text(part.value());
      else if (k == "level" && !part.value().is_null()) level = part.value().get_int64();
    }
    std::string category = as_category(name);
    if (level <= 1 && !category.empty() && std::find(out.begin(), out.end(), category) == out.end())
      out.push_back(std::move(category));
  }
}

void read_work_field(std::string_view key, value v, model::Work& work, ExtraFields& fields) {
  if (key == "id") work.external_id = "openalex:" + after_prefix(json_text(v), "https://openalex.org/");
  else if (key == "title") work.title = json_text(v);
  else if (key == "display_name") fields.display_name = json_text(v);
  else if (key == "doi") work.doi = after_prefix(json_text(v), "https://doi.org/");
  else if (key == "publication_year" && !v.is_null()) work.year = static_cast<int>(v.get_int64());
  else if (key == "publication_date") work.date = json_text(v);
  else if (key == "type") fields.type = json_text(v);
  else if (key == "abstract_inverted_index" && !v.is_null()) work.abstract = abstract_from_inverted_index(v.get_object());
  else if (key == "primary_location" && !v.is_null()) {
    for (auto part : v.get_object()) {
      std::string_view k = part.unescaped_key();
      value pv = part.value();
      if (k == "landing_page_url") fields.landing_page = json_text(pv);
      else if (k == "source" && !pv.is_null()) {
        for (auto s : pv.get_object()) {
          std::string_view sk = s.unescaped_key();
          if (sk == "display_name") work.venue = json_text(s.value());
          else if (sk == "type") fields.source_type = json_text(s.value());
        }
      }
    }
  } else if (key == "authorships" && !v.is_null()) {
    for (auto authorship : v.get_array()) {
      model::Authorship a = read_authorship(authorship.get_object());
      a.position = static_cast<int>(work.authors.size());
      work.authors.push_back(std::move(a));
    }
  } else if (key == "topics") {
    read_topics(v, work);
  } else if (key == "concepts") {
    read_concepts(v, fields.concepts);
  } else if (key == "host_venue" && !v.is_null()) {
    auto name = v.find_field_unordered("display_name");
    if (!name.error()) fields.host_venue = json_text(name.value());
  } else if (key == "referenced_works" && !v.is_null()) {
    for (auto cited : v.get_array())
      work.cited.push_back("openalex:" + after_prefix(json_text(cited.value()), "https://openalex.org/"));
  }
}

void parse_openalex_record(simdjson::ondemand::object record, model::Work& work) {
  ExtraFields fields;
  for (auto field : record) {
    std::string_view key = field.unescaped_key();
    value v = field.value();
    read_field(key, [&] { read_work_field(key, v, work, fields); });
  }
  if (work.title.empty()) work.title = fields.display_name;
  if (work.venue.empty()) work.venue = fields.host_venue;
  if (work.categories.empty()) work.categories = std::move(fields.concepts);
  work.source = "OpenAlex";
  work.type = work_type(fields.type, fields.source_type);
  work.url = fields.landing_page;
}

}  // namespace

void read_openalex(const std::string& path, RecordSink& sink) { read_json_records(path, sink, parse_openalex_record); }

}  // namespace bzpeer::ingest

// S2AND datasets: papers become works; signatures give the structured names and
// affiliations of their author slots; clusters give identity evidence.
#include "ingest/s2and_reader.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <unordered_map>

#include "core/text.hpp"
#include "ingest/name_split.hpp"
#include "ingest/validate.hpp"

namespace bzpeer::ingest {

namespace {

namespace fs = std::filesystem;
using simdjson::dom::element;

std::string str(element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return std::string(s);
  int64_t n;
  if (e.get(n) == simdjson::SUCCESS) return std::to_string(n);
  return {};
}

std::string field(element object, const char* key) {
  element value;
  if (object[key].get(value) != simdjson::SUCCESS) return {};
  return str(value);
}

int64_t int_field(element object, const char* key) {
  element value;
  int64_t n = 0;
  if (object[key].get(value) != simdjson::SUCCESS) return 0;
  if (value.get(n) == simdjson::SUCCESS) return n;
  double d;
  // A year or id written as a float ("2019.0"); one past int64's range is no number here.
  if (value.get(d) == simdjson::SUCCESS && std::isfinite(d) && std::fabs(d) < 9.2e18) return static_cast<int64_t>(d);
  return 0;
}

struct SignatureInfo {
  std::string first, middle, last, suffix, email, affiliation, cluster;
};

}  // namespace

void read_s2and(const std::string& directory, RecordSink& sink) {
  fs::path dir(directory);
  std::string dataset = dir.filename().string();
  if (dataset.empty()) dataset = dir.parent_path().filename().string();
  fs::path papers_path = dir / "papers.json", signatures_path = dir / "signatures.json";
  if (!fs::exists(papers_path)) {
    sink.reject({papers_path.string(), 0,
                 "missing: an S2AND dataset without papers has no titles to ingest (evaluate it with "
                 "`bzpeer eval identity --format s2and`)"});
    return;
  }

  simdjson::dom::parser parser;
  // Which cluster each signature belongs to (clusters.json is optional).
  std::unordered_map<std::string, std::string> cluster_of;
  if (fs::exists(dir / "clusters.json")) {
    simdjson::dom::object clusters;
    if (parser.load((dir / "clusters.json").string()).get(clusters) != simdjson::SUCCESS) {
      sink.reject({(dir / "clusters.json").string(), 0, "malformed JSON (clusters ignored)"});
    } else {
      for (auto [cluster_id, cluster] : clusters) {
        simdjson::dom::array ids;
        if (cluster["signature_ids"].get(ids) != simdjson::SUCCESS) continue;
        for (element id : ids) cluster_of[str(id)] = std::string(cluster_id);
      }
    }
  }

  // (paper id, position) -> the signature's structured name.
  std::map<std::pair<std::string, int64_t>, SignatureInfo> signatures;
  simdjson::dom::object signature_map;
  if (parser.load(signatures_path.string()).get(signature_map) != simdjson::SUCCESS) {
    sink.reject({signatures_path.string(), 0, "missing or malformed JSON (names taken from papers.json)"});
  } else {
    for (auto [signature_id, signature] : signature_map) {
      element info;
      if (signature["author_info"].get(info) != simdjson::SUCCESS) {
        sink.reject({signatures_path.string(), 0, "signature " + std::string(signature_id) + ": no author_info"});
        continue;
      }
      SignatureInfo s{field(info, "first"), field(info, "middle"), field(info, "last"), field(info, "suffix"),
                      field(info, "email"), {}, {}};
      simdjson::dom::array affiliations;
      if (info["affiliations"].get(affiliations) == simdjson::SUCCESS)
        for (element a : affiliations) {
          if (!s.affiliation.empty()) s.affiliation += "; ";
          s.affiliation += str(a);
        }
      if (auto it = cluster_of.find(std::string(signature_id)); it != cluster_of.end()) s.cluster = it->second;
      signatures[{field(signature, "paper_id"), int_field(info, "position")}] = std::move(s);
    }
  }

  simdjson::dom::parser papers_parser;
  simdjson::dom::object papers;
  if (papers_parser.load(papers_path.string()).get(papers) != simdjson::SUCCESS) {
    sink.reject({papers_path.string(), 0, "malformed JSON"});
    return;
  }
  for (auto [paper_key, paper] : papers) {
    model::Work work;
    std::string paper_id = std::string(paper_key);
    work.external_id = "s2and:" + dataset + ":" + paper_id;
    work.source = "S2AND";
    work.type = "article";
    work.title = field(paper, "title");
    work.abstract = field(paper, "abstract");
    work.venue = field(paper, "venue");
    if (work.venue.empty()) work.venue = field(paper, "journal_name");
    work.year = static_cast<int>(int_field(paper, "year"));
    work.date = work.year > 0 ? std::to_string(work.year) : "";
    simdjson::dom::array fields;
    if (paper["fields_of_study"].get(fields) == simdjson::SUCCESS)
      for (element f : fields) {
        // Categories are stored space-separated: "Computer Science" becomes one category,
        // "Computer_Science" (shown with its space again).
        std::string field_of_study = text::squeeze_spaces(str(f));
        std::replace(field_of_study.begin(), field_of_study.end(), ' ', '_');
        if (!field_of_study.empty()) work.categories.push_back(std::move(field_of_study));
      }
    simdjson::dom::array references;
    if (paper["references"].get(references) == simdjson::SUCCESS)
      for (element r : references) {
        std::int64_t cited = 0;
        std::string_view cited_text;
        if (r.get(cited) == simdjson::SUCCESS) work.cited.push_back("s2and:" + dataset + ":" + std::to_string(cited));
        else if (r.get(cited_text) == simdjson::SUCCESS && !cited_text.empty() &&
                 cited_text.find(' ') == std::string_view::npos)
          work.cited.push_back("s2and:" + dataset + ":" + std::string(cited_text));
      }
    simdjson::dom::array authors;
    if (paper["authors"].get(authors) == simdjson::SUCCESS) {
      for (element author : authors) {
        int64_t position = int_field(author, "position");
        model::Authorship a = split_name(field(author, "author_name"));
        if (auto it = signatures.find({paper_id, position}); it != signatures.end()) {
          const SignatureInfo& s = it->second;
          a.first = s.middle.empty() ? s.first : s.first + " " + s.middle;
          a.last = s.suffix.empty() ? s.last : s.last + " " + s.suffix;
          a.email = s.email;
          a.affiliation = s.affiliation;
          if (!s.cluster.empty()) a.source_person_id = "s2and:" + dataset + ":" + s.cluster;
        }
        a.position = static_cast<int>(work.authors.size());
        work.authors.push_back(std::move(a));
      }
    }
    deliver(std::move(work), sink, papers_path.string(), 0, "paper " + paper_id + ": ");
  }
}

}  // namespace bzpeer::ingest

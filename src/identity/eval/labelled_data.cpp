#include "identity/eval/labelled_data.hpp"

#include <simdjson.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <sstream>

#include "core/text.hpp"
#include "identity/eval/source_reading.hpp"
#include "ingest/reader.hpp"

namespace bzpeer::identity {

namespace fs = std::filesystem;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string part;
  std::istringstream in(s);
  while (std::getline(in, part, sep)) out.push_back(part);
  if (!s.empty() && s.back() == sep) out.emplace_back();
  return out;
}


// "aagarwal_test_f0" -> "aagarwal": the train and test files of one set share labels.
std::string ufmg_dataset(const std::string& file) {
  std::string stem = fs::path(file).stem().string();
  auto cut = stem.find('_');
  return cut == std::string::npos ? stem : stem.substr(0, cut);
}

}  // namespace

namespace {

struct UfmgRow {
  RawWork work;
  std::string label;
};

// The citations of a UFMG file or directory, appended to `rows`.
Status read_ufmg(const std::string& path, std::vector<UfmgRow>& rows) {
  if (!fs::exists(path)) return make_error(ErrorCode::not_found, path + ": no such file or directory");
  size_t before = rows.size();
  for (const auto& file : files_with_extension(path, ".txt")) {
    std::ifstream in(file);
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      auto fields = split(line, ';');
      if (fields.size() < 7)
        return make_error(ErrorCode::invalid_input,
                          file + ":" + std::to_string(number) + ": expected 7 ';'-separated fields, found " +
                              std::to_string(fields.size()));
      UfmgRow row;
      row.label = ufmg_dataset(file) + ":" + fields[1];
      row.work.title = fields[4];
      row.work.venue = fields[5];
      row.work.year = std::atoi(fields[6].c_str());
      row.work.authors.push_back({"", "", fields[2], "", "", "", ""});
      for (const auto& coauthor : split(fields[3], ','))
        if (!coauthor.empty()) row.work.authors.push_back({"", "", coauthor, "", "", "", ""});
      rows.push_back(std::move(row));
    }
  }
  if (rows.size() == before) return make_error(ErrorCode::invalid_input, path + ": no citations found");
  return Ok{};
}

}  // namespace

Result<LabelledSet> load_ufmg(const std::string& path, const std::string& known_path) {
  std::vector<UfmgRow> rows;
  if (!known_path.empty()) {
    if (auto read = read_ufmg(known_path, rows); !read) return make_error(read.error().code, read.error().message);
    // A known record is a researcher's confirmed work: its person is a constraint.
    for (auto& r : rows) r.work.authors[0].person_id = "known:" + r.label;
  }
  size_t known = rows.size();
  if (auto read = read_ufmg(path, rows); !read) return make_error(read.error().code, read.error().message);
  LabelledSet set;
  set.name = fs::path(path).filename().string();
  set.known = known;
  EvidenceBuilder builder;
  for (const auto& r : rows) builder.count_text(r.work.title, "");
  for (const auto& r : rows) {
    builder.add_work(r.work, {0});
    set.labels.push_back(r.label);
  }
  set.evidence = builder.take();
  return set;
}

Result<LabelledSet> load_s2and(const std::string& directory) {
  fs::path dir(directory);
  if (!fs::exists(dir / "signatures.json"))
    return make_error(ErrorCode::not_found, (dir / "signatures.json").string() + ": missing");
  simdjson::dom::parser parser;
  auto str = [](simdjson::dom::element e, const char* key) -> std::string {
    simdjson::dom::element v;
    if (e[key].get(v) != simdjson::SUCCESS) return {};
    std::string_view s;
    if (v.get(s) == simdjson::SUCCESS) return std::string(s);
    int64_t n;
    if (v.get(n) == simdjson::SUCCESS) return std::to_string(n);
    return {};
  };
  std::map<std::string, std::string> cluster_of;
  simdjson::dom::object clusters;
  if (parser.load((dir / "clusters.json").string()).get(clusters) != simdjson::SUCCESS)
    return make_error(ErrorCode::invalid_input, (dir / "clusters.json").string() + ": missing or malformed JSON");
  for (auto [id, cluster] : clusters) {
    simdjson::dom::array ids;
    if (cluster["signature_ids"].get(ids) != simdjson::SUCCESS) continue;
    for (auto s : ids) {
      std::string_view sv;
      if (s.get(sv) == simdjson::SUCCESS) cluster_of[std::string(sv)] = std::string(id);
    }
  }
  // Papers (optional): title, abstract, venue, year and the author list.
  simdjson::dom::parser papers_parser;
  simdjson::dom::object papers;
  bool have_papers = fs::exists(dir / "papers.json");
  if (have_papers && papers_parser.load((dir / "papers.json").string()).get(papers) != simdjson::SUCCESS)
    return make_error(ErrorCode::invalid_input, (dir / "papers.json").string() + ": malformed JSON");

  simdjson::dom::parser signatures_parser;
  simdjson::dom::object signatures;
  if (signatures_parser.load((dir / "signatures.json").string()).get(signatures) != simdjson::SUCCESS)
    return make_error(ErrorCode::invalid_input, (dir / "signatures.json").string() + ": malformed JSON");

  struct Row {
    RawWork work;
    size_t position = 0;
    std::string label;
  };
  std::vector<Row> rows;
  for (auto [signature_id, signature] : signatures) {
    auto label = cluster_of.find(std::string(signature_id));
    if (label == cluster_of.end()) continue;  // unlabelled signatures are not scored
    simdjson::dom::element info;
    if (signature["author_info"].get(info) != simdjson::SUCCESS) continue;
    Row row;
    row.label = label->second;
    RawWork::Author self;
    self.first = str(info, "first");
    std::string middle = str(info, "middle");
    if (!middle.empty()) self.first += " " + middle;
    self.last = str(info, "last");
    self.email = str(info, "email");
    simdjson::dom::array affiliations;
    if (info["affiliations"].get(affiliations) == simdjson::SUCCESS)
      for (auto a : affiliations) {
        std::string_view s;
        if (a.get(s) == simdjson::SUCCESS) self.affiliation += std::string(s) + " ";
      }
    std::string paper_id = str(signature, "paper_id");
    simdjson::dom::element paper;
    if (have_papers && papers[paper_id].get(paper) == simdjson::SUCCESS) {
      row.work.title = str(paper, "title");
      row.work.abstract = str(paper, "abstract");
      row.work.venue = str(paper, "venue");
      if (row.work.venue.empty()) row.work.venue = str(paper, "journal_name");
      row.work.year = std::atoi(str(paper, "year").c_str());
      simdjson::dom::array authors;
      if (paper["authors"].get(authors) == simdjson::SUCCESS)
        for (auto author : authors) {
          std::string name = str(author, "author_name");
          if (std::atoi(str(author, "position").c_str()) == std::atoi(str(info, "position").c_str())) continue;
          row.work.authors.push_back({"", "", name, "", "", "", ""});
        }
    }
    row.work.authors.insert(row.work.authors.begin(), self);
    rows.push_back(std::move(row));
  }
  if (rows.empty()) return make_error(ErrorCode::invalid_input, directory + ": no labelled signatures");
  LabelledSet set;
  set.name = dir.filename().string();
  EvidenceBuilder builder;
  for (const auto& r : rows) builder.count_text(r.work.title, r.work.abstract);
  for (const auto& r : rows) {
    builder.add_work(r.work, {0});
    set.labels.push_back(r.label);
  }
  set.evidence = builder.take();
  return set;
}


Result<AclAnthology> read_acl_anthology(const std::string& path) {
  AclAnthology acl;
  acl.path = path;
  acl.works = read_works(path, ingest::Format::acl);
  if (acl.works.empty()) return make_error(ErrorCode::invalid_input, path + ": no ACL papers read");
  for (const auto& w : acl.works)
    for (const auto& a : w.authors) {
      ++acl.slots[a.raw_name];
      if (!a.source_person_id.empty()) acl.curated.insert(a.raw_name);
    }
  return acl;
}

Result<LabelledSet> load_acl(const std::string& path) {
  auto acl = read_acl_anthology(path);
  if (!acl) return make_error(acl.error().code, acl.error().message);
  return load_acl(*acl);
}

LabelledSet load_acl(const AclAnthology& acl) {
  return labelled_slots(acl.works, fs::path(acl.path).filename().string(),
                        [](const model::Authorship& a) { return a.source_person_id; });
}

LabelledSet load_acl_single_person_names(const AclAnthology& acl, size_t max_names) {
  std::vector<std::pair<std::uint64_t, std::string>> candidates;
  for (const auto& [name, n] : acl.slots)
    if (n >= 2 && n <= 30 && !acl.curated.count(name)) candidates.emplace_back(text::stable_hash(name), name);
  std::sort(candidates.begin(), candidates.end());
  if (candidates.size() > max_names) candidates.resize(max_names);
  std::set<std::string> chosen;
  for (const auto& [h, name] : candidates) chosen.insert(name);

  return labelled_slots(acl.works, "acl-single-person-names", [&](const model::Authorship& a) {
    return chosen.count(a.raw_name) ? "name:" + a.raw_name : std::string();
  });
}

namespace {
// "First Last" as the ACL reader prints a slot's name, from a {first, last} YAML entry.
std::string printed_name(const YAML::Node& name) {
  std::string first = name["first"] ? name["first"].as<std::string>() : "";
  std::string last = name["last"] ? name["last"].as<std::string>() : "";
  return first.empty() ? last : first + " " + last;
}
}  // namespace

Result<LabelledSet> load_acl_name_variant_people(const AclAnthology& acl, size_t max_people) {
  fs::path yaml_path = fs::path(acl.path) / "name_variants.yaml";
  YAML::Node people;
  try {
    people = YAML::LoadFile(yaml_path.string());
  } catch (const YAML::Exception& e) {
    return make_error(ErrorCode::invalid_input, yaml_path.string() + ": " + e.what());
  }
  // Candidates: people without an id, two or more forms in print, 2 to 40 slots in all.
  std::vector<std::pair<std::uint64_t, std::vector<std::string>>> candidates;
  try {
    for (const auto& person : people) {
      if (person["id"] || !person["canonical"] || !person["variants"]) continue;
      std::vector<std::string> forms = {printed_name(person["canonical"])};
      for (const auto& variant : person["variants"]) forms.push_back(printed_name(variant));
      size_t used = 0, total = 0;
      bool ambiguous = false;
      for (const auto& form : forms) {
        auto it = acl.slots.find(form);
        if (it != acl.slots.end()) ++used, total += it->second;
        ambiguous |= acl.curated.count(form) > 0;
      }
      if (!ambiguous && used >= 2 && total <= 40) candidates.emplace_back(text::stable_hash(forms[0]), std::move(forms));
    }
  } catch (const YAML::Exception& e) {  // an entry of the wrong shape, e.g. a list where a name belongs
    return make_error(ErrorCode::invalid_input,
                      yaml_path.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.what());
  }
  std::sort(candidates.begin(), candidates.end());
  if (candidates.size() > max_people) candidates.resize(max_people);
  std::map<std::string, std::string> person_of;  // printed form -> canonical
  for (const auto& [h, forms] : candidates)
    for (const auto& form : forms) person_of.emplace(form, forms[0]);

  auto set = labelled_slots(acl.works, "acl-name-variant-people", [&](const model::Authorship& a) {
    auto it = person_of.find(a.raw_name);
    return it == person_of.end() ? std::string() : "variant:" + it->second;
  });
  set.name_forms_only = true;
  return set;
}

Result<LabelledSet> load_synthetic(const std::string& path) {
  std::string truth_path = path + ".truth.tsv";
  std::ifstream truth(truth_path);
  if (!truth) return make_error(ErrorCode::not_found, truth_path + ": no such file (gen-corpus --truth writes it)");
  std::unordered_map<std::string, std::vector<std::string>> people;  // arXiv id -> person of each author
  std::string line;
  for (size_t number = 1; std::getline(truth, line); ++number) {
    auto fields = split(line, '\t');
    if (fields.size() != 2)
      return make_error(ErrorCode::invalid_input, truth_path + ":" + std::to_string(number) + ": expected id<TAB>persons");
    people["arxiv:" + fields[0]] = split(fields[1], ',');
  }
  auto works = read_works(path, ingest::Format::arxiv);
  if (works.empty()) return make_error(ErrorCode::invalid_input, path + ": no arXiv records read");
  LabelledSet set;
  set.name = fs::path(path).filename().string();
  EvidenceBuilder builder;
  for (const auto& w : works) builder.count_text(w.title, w.abstract);
  for (const auto& w : works) {
    auto it = people.find(w.external_id);
    if (it == people.end() || it->second.size() != w.authors.size())
      return make_error(ErrorCode::invalid_input, truth_path + ": no persons for " + w.external_id + "'s " +
                                                      std::to_string(w.authors.size()) + " authors");
    builder.add_work(raw_work(w));  // every author is a signature
    for (const auto& person : it->second) set.labels.push_back("person:" + person);
  }
  set.evidence = builder.take();
  return set;
}

std::vector<std::string> files_with_extension(const std::string& path, const std::string& ext) {
  std::vector<std::string> out;
  if (fs::is_directory(path)) {
    for (const auto& entry : fs::recursive_directory_iterator(path))
      if (entry.is_regular_file() && entry.path().extension() == ext) out.push_back(entry.path().string());
    std::sort(out.begin(), out.end());
  } else {
    out.push_back(path);
  }
  return out;
}

Result<LabelledSet> load_labelled(const std::string& format, const std::string& path) {
  if (format == "ufmg") return load_ufmg(path);
  if (format == "s2and") return load_s2and(path);
  if (format == "acl") return load_acl(path);
  if (format == "synthetic") return load_synthetic(path);
  if (format == "han") return load_han(path);
  if (format == "openalex") return load_openalex(path);
  return make_error(ErrorCode::invalid_input,
                    "unknown dataset format '" + format + "' (expected s2and, ufmg, acl, han, openalex or synthetic)");
}

}  // namespace bzpeer::identity

// The DBLP XML dump through libxml2's streaming reader (the dump is several gigabytes).
// What matters most for identity: DBLP's editors tell apart people who share a name by
// numbering them ("Wei Wang 0001"), and such a numbered name is a curated person id, as
// the ACL editors' <author id> is.
#include "ingest/dblp_reader.hpp"

#include <cctype>

#include "ingest/name_split.hpp"
#include "ingest/validate.hpp"
#include "ingest/xml_stream.hpp"

namespace bzpeer::ingest {

namespace {

// Record elements that are works, and their type here. <proceedings> and <book> volumes
// are containers, <www> person pages, theses rarely disambiguate anyone: left out.
const char* work_type_of(xmlTextReaderPtr reader) {
  if (xml_named(reader, "article")) return "article";
  if (xml_named(reader, "inproceedings")) return "proceedings";
  if (xml_named(reader, "incollection")) return "article";
  return nullptr;
}

// DBLP titles end with a full stop ("Swin Transformer: ... Windows."); a question or an
// exclamation mark stays.
std::string without_final_period(std::string title) {
  while (!title.empty() && (title.back() == ' ' || title.back() == '\n')) title.pop_back();
  if (!title.empty() && title.back() == '.') title.pop_back();
  return title;
}

class DblpParser {
 public:
  DblpParser(const std::string& path, RecordSink& sink) : path_(path), sink_(sink) {}

  void run() {
    // The dump's character entities (&uuml;) are declared in dblp.dtd, loaded from beside
    // the file; XmlStream refuses every other file and the network, so an entity that
    // names /etc/passwd stays empty.
    XmlStream stream(path_, XML_PARSE_DTDLOAD | XML_PARSE_NOENT);
    if (!stream.opened_or_reported(path_, sink_)) return;
    xmlTextReaderPtr reader = stream.reader();
    int rc = stream.read();
    while (rc == 1) {
      if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT || xmlTextReaderDepth(reader) != 1) {
        rc = stream.read();
        continue;
      }
      if (++records_ % 100000 == 0) sink_.progress(static_cast<std::uint64_t>(xmlTextReaderByteConsumed(reader)));
      if (const char* type = work_type_of(reader)) {
        read_record(stream, type);
        rc = stream.read();
      } else {
        rc = xmlTextReaderNext(reader);  // past the whole record, onto the next one
      }
    }
    if (rc < 0) sink_.reject({path_, stream.failure_line(), stream.failure_reason("records")});
    if (!stream.first_refused().empty())
      sink_.reject({path_, 0, "refused to read '" + stream.first_refused() + "': only a .dtd file beside the dump is loaded"});
  }

 private:
  void read_record(XmlStream& stream, const char* type) {
    xmlTextReaderPtr reader = stream.reader();
    std::uint64_t line = xml_node_line(reader);
    std::string key = xml_attribute(reader, "key");
    bool withdrawn = xml_attribute(reader, "publtype") == "withdrawn";
    model::Work work;
    work.type = type;
    std::string year, journal, booktitle, first_link;
    bool whole = stream.read_children([&] {
      if (xml_named(reader, "author")) {
        std::string orcid = xml_attribute(reader, "orcid");
        auto [name, number] = split_dblp_homonym_number(stream.text());
        model::Authorship a = split_name(name);
        a.position = static_cast<int>(work.authors.size());
        a.orcid = orcid;
        if (!number.empty()) a.source_person_id = "dblp:" + name + " " + number;
        work.authors.push_back(std::move(a));
      } else if (xml_named(reader, "title")) {
        work.title = without_final_period(stream.text());
      } else if (xml_named(reader, "year")) {
        year = stream.text();
      } else if (xml_named(reader, "journal")) {
        journal = stream.text();
      } else if (xml_named(reader, "booktitle")) {
        booktitle = stream.text();
      } else if (xml_named(reader, "ee")) {
        std::string link = stream.text();
        if (link.rfind("https://doi.org/", 0) == 0 && work.doi.empty()) work.doi = link.substr(16);
        if (first_link.empty()) first_link = link;
      }
    });
    // A record the parser's error may have cut into is left out; run() reports the error.
    if (!whole || withdrawn) return;
    work.external_id = "dblp:" + key;
    work.source = "DBLP";
    work.venue = !journal.empty() ? journal : booktitle;
    // arXiv papers sit in DBLP as articles of the journal "CoRR".
    if (journal == "CoRR") work.type = "preprint";
    work.year = four_digit_year(year);
    work.date = work.year > 0 ? std::to_string(work.year) : "";
    work.url = !work.doi.empty() ? "https://doi.org/" + work.doi : first_link;
    deliver(std::move(work), sink_, path_, line, "record " + key + ": ");
  }

  std::string path_;
  RecordSink& sink_;
  std::uint64_t records_ = 0;
};

}  // namespace

std::pair<std::string, std::string> split_dblp_homonym_number(const std::string& name) {
  auto space = name.rfind(' ');
  if (space == std::string::npos || name.size() - space - 1 != 4) return {name, ""};
  for (size_t i = space + 1; i < name.size(); ++i)
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return {name, ""};
  return {name.substr(0, space), name.substr(space + 1)};
}

void read_dblp(const std::string& path, RecordSink& sink) { DblpParser(path, sink).run(); }

}  // namespace bzpeer::ingest

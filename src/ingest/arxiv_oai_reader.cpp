// arXiv OAI-PMH records: mirrors as JSON lines, and the XML that export.arxiv.org/oai2
// serves to `ListRecords` (metadataPrefix oai_dc or arXiv), through libxml2's streaming
// reader. Both become an ArxivOaiRecord and then a work (arxiv_oai_record.cpp).
#include "ingest/arxiv_oai_reader.hpp"

#include <simdjson.h>

#include "ingest/arxiv_oai_record.hpp"
#include "ingest/json_lines.hpp"
#include "ingest/validate.hpp"
#include "ingest/xml_stream.hpp"

namespace bzpeer::ingest {

namespace {

void strings_of(simdjson::ondemand::value v, std::vector<std::string>& out) {
  if (v.is_null()) return;
  for (auto s : v.get_array()) out.push_back(json_text(s.value()));
}

// One mirrored record; its arXiv id comes from the pair, in work.external_id.
void parse_json_record(simdjson::ondemand::object object, model::Work& work) {
  ArxivOaiRecord r;
  r.id = work.external_id;
  for (auto field : object) {
    std::string_view key = field.unescaped_key();
    simdjson::ondemand::value v = field.value();
    read_field(key, [&] {
      if (key == "title") strings_of(v, r.titles);
      else if (key == "creator") strings_of(v, r.creators);
      else if (key == "subject") strings_of(v, r.subjects);
      else if (key == "description") strings_of(v, r.descriptions);
      else if (key == "date") strings_of(v, r.dates);
      else if (key == "identifier") strings_of(v, r.identifiers);
    });
  }
  work = work_of(r);
}

// "oai:arXiv.org:1507.06134" -> "1507.06134".
std::string arxiv_id_of(const std::string& oai_identifier) {
  auto colon = oai_identifier.rfind("arXiv.org:");
  return colon == std::string::npos ? oai_identifier : oai_identifier.substr(colon + 10);
}

class OaiXmlParser {
 public:
  OaiXmlParser(const std::string& path, RecordSink& sink) : path_(path), sink_(sink) {}

  void run() {
    XmlStream stream(path_);
    if (!stream.opened_or_reported(path_, sink_)) return;
    xmlTextReaderPtr reader = stream.reader();
    int rc = stream.read();
    while (rc == 1) {
      if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_ELEMENT && xml_named(reader, "record")) read_record(stream);
      else if (xmlTextReaderNodeType(reader) == XML_READER_TYPE_ELEMENT && xml_named(reader, "error"))
        sink_.reject({path_, xml_node_line(reader), "OAI-PMH error " + xml_attribute(reader, "code") + ": " + stream.text()});
      rc = stream.read();
    }
    if (rc < 0) sink_.reject({path_, stream.failure_line(), stream.failure_reason("records")});
  }

 private:
  void read_record(XmlStream& stream) {
    xmlTextReaderPtr reader = stream.reader();
    std::uint64_t line = xml_node_line(reader);
    ArxivOaiRecord r;
    bool deleted = false;
    bool whole = stream.read_children([&] {
      if (xml_named(reader, "header")) {
        deleted = xml_attribute(reader, "status") == "deleted";
        stream.read_children([&] {
          if (xml_named(reader, "identifier")) r.id = arxiv_id_of(stream.text());
        });
      } else if (xml_named(reader, "metadata")) {
        stream.read_children([&] {
          if (xml_named(reader, "dc")) read_oai_dc(stream, r);
          else if (xml_named(reader, "arXiv")) read_arxiv_format(stream, r);
        });
      }
    });
    if (!whole || deleted) return;  // a cut record is reported by run(); a deleted one is gone
    if (r.id.empty()) {
      sink_.reject({path_, line, "record without an identifier"});
      return;
    }
    deliver(work_of(r), sink_, path_, line, "record " + r.id + ": ");
  }

  static void read_oai_dc(XmlStream& stream, ArxivOaiRecord& r) {
    xmlTextReaderPtr reader = stream.reader();
    stream.read_children([&] {
      if (xml_named(reader, "title")) r.titles.push_back(stream.text());
      else if (xml_named(reader, "creator")) r.creators.push_back(stream.text());
      else if (xml_named(reader, "subject")) r.subjects.push_back(stream.text());
      else if (xml_named(reader, "description")) r.descriptions.push_back(stream.text());
      else if (xml_named(reader, "date")) r.dates.push_back(stream.text());
      else if (xml_named(reader, "identifier")) r.identifiers.push_back(stream.text());
    });
  }

  // The arXiv format: structured authors, category codes, its own journal-ref and doi.
  static void read_arxiv_format(XmlStream& stream, ArxivOaiRecord& r) {
    xmlTextReaderPtr reader = stream.reader();
    stream.read_children([&] {
      if (xml_named(reader, "id")) r.id = stream.text();
      else if (xml_named(reader, "created")) r.dates.insert(r.dates.begin(), stream.text());
      else if (xml_named(reader, "title")) r.titles.push_back(stream.text());
      else if (xml_named(reader, "abstract")) r.descriptions.push_back(stream.text());
      else if (xml_named(reader, "categories")) r.categories.push_back(stream.text());
      else if (xml_named(reader, "journal-ref")) r.journal_ref = stream.text();
      else if (xml_named(reader, "doi")) r.doi = stream.text();
      else if (xml_named(reader, "authors")) {
        stream.read_children([&] {
          if (!xml_named(reader, "author")) return;
          std::string keyname, forenames, suffix;
          stream.read_children([&] {
            if (xml_named(reader, "keyname")) keyname = stream.text();
            else if (xml_named(reader, "forenames")) forenames = stream.text();
            else if (xml_named(reader, "suffix")) suffix = stream.text();
          });
          std::string name = forenames.empty() ? keyname : keyname + ", " + forenames;
          if (!suffix.empty()) name += ", " + suffix;
          r.creators.push_back(name);
        });
      }
    });
  }

  std::string path_;
  RecordSink& sink_;
};

}  // namespace

void read_arxiv_oai_json(const std::string& path, RecordSink& sink) {
  read_json_records(path, sink, parse_json_record, JsonLayout::id_record_pairs);
}

void read_arxiv_oai_xml(const std::string& path, RecordSink& sink) { OaiXmlParser(path, sink).run(); }

}  // namespace bzpeer::ingest

// ACL Anthology XML through libxml2's streaming reader, so large files never sit in memory.
#include "ingest/acl_reader.hpp"

#include <cctype>
#include <map>
#include <memory>

#include "ingest/validate.hpp"
#include "ingest/xml_stream.hpp"

namespace bzpeer::ingest {

namespace {

struct VolumeMeta {
  std::string id, booktitle, year, month, publisher, address;
};

// Journals (J: Computational Linguistics, Q: TACL) publish articles; the rest are proceedings.
std::string work_type(const std::string& collection) {
  return (!collection.empty() && (collection[0] == 'J' || collection[0] == 'Q')) ? "article" : "proceedings";
}

// Collection ids carry the year: "P18" -> 2018, "C69" -> 1969. Volumes without <meta> use it.
int collection_year(const std::string& collection) {
  if (collection.size() != 3 || !std::isdigit(static_cast<unsigned char>(collection[1])) ||
      !std::isdigit(static_cast<unsigned char>(collection[2])))
    return 0;
  int two = (collection[1] - '0') * 10 + (collection[2] - '0');
  return two >= 50 ? 1900 + two : 2000 + two;
}

// The Anthology's venue series by the collection's letter, for volumes without a booktitle.
std::string series_name(const std::string& collection) {
  static const std::map<char, std::string> series = {
      {'A', "Applied Natural Language Processing (ANLP)"}, {'C', "COLING"}, {'D', "EMNLP"}, {'E', "EACL"},
      {'H', "Human Language Technology (HLT)"}, {'I', "IJCNLP"}, {'J', "Computational Linguistics"},
      {'K', "CoNLL"}, {'L', "LREC"}, {'M', "Message Understanding Conference (MUC)"}, {'N', "NAACL"},
      {'O', "ROCLING"}, {'P', "ACL"}, {'Q', "Transactions of the ACL"}, {'R', "RANLP"},
      {'S', "SemEval and *SEM"}, {'T', "TINLAP"}, {'U', "ALTA"}, {'W', "ACL workshops"}, {'X', "TIPSTER"},
      {'Y', "PACLIC"}};
  auto it = collection.empty() ? series.end() : series.find(collection[0]);
  return it == series.end() ? "ACL Anthology" : it->second;
}

// Reads the children of <author> (or <editor>): <first>, <last>.
void read_person(XmlStream& stream, model::Authorship& a) {
  xmlTextReaderPtr reader = stream.reader();
  stream.read_children([&] {
    if (xml_named(reader, "first")) a.first = stream.text();
    else if (xml_named(reader, "last")) a.last = stream.text();
    else if (xml_named(reader, "affiliation")) a.affiliation = stream.text();
  });
}

class AclParser {
 public:
  AclParser(const std::string& path, RecordSink& sink) : path_(path), sink_(sink) {}

  void run() {
    XmlStream stream(path_);
    if (!stream.opened_or_reported(path_, sink_)) return;
    stream_ = &stream;
    xmlTextReaderPtr reader = stream.reader();
    int rc;
    while ((rc = stream.read()) == 1) {
      if (xmlTextReaderNodeType(reader) != XML_READER_TYPE_ELEMENT) continue;
      if (xml_named(reader, "collection")) collection_ = xml_attribute(reader, "id");
      else if (xml_named(reader, "volume")) volume_ = VolumeMeta{xml_attribute(reader, "id"), {}, {}, {}, {}, {}};
      else if (xml_named(reader, "booktitle")) volume_.booktitle = stream_->text();
      else if (xml_named(reader, "publisher")) volume_.publisher = stream_->text();
      else if (xml_named(reader, "address")) volume_.address = stream_->text();
      else if (xml_named(reader, "month")) volume_.month = stream_->text();
      else if (xml_named(reader, "year")) volume_.year = stream_->text();
      else if (xml_named(reader, "paper")) read_paper(reader);
    }
    if (rc < 0) sink_.reject({path_, stream.failure_line(), stream.failure_reason("papers")});
  }

 private:
  void read_paper(xmlTextReaderPtr reader) {
    // Node lines, not the parser's: libxml2 reads ahead of the node it hands out.
    std::uint64_t line = xml_node_line(reader);
    std::string paper_id = xml_attribute(reader, "id");
    model::Work work;
    std::string url;
    bool whole = stream_->read_children([&] {
      if (xml_named(reader, "title")) work.title = stream_->text();
      else if (xml_named(reader, "abstract")) work.abstract = stream_->text();
      else if (xml_named(reader, "doi")) work.doi = stream_->text();
      else if (xml_named(reader, "url") && url.empty()) url = stream_->text();
      else if (xml_named(reader, "author")) {
        model::Authorship a;
        a.position = static_cast<int>(work.authors.size());
        a.source_person_id = xml_attribute(reader, "id");
        if (!a.source_person_id.empty()) a.source_person_id = "acl:" + a.source_person_id;
        read_person(*stream_, a);
        a.raw_name = a.first.empty() ? a.last : a.first + " " + a.last;
        work.authors.push_back(std::move(a));
      }
    });
    // A paper the parser's error may have cut into is left out; run() reports the error.
    if (!whole) return;
    // The <url> holds the full Anthology id (P18-1001); build it when missing.
    std::string anthology_id = url;
    if (anthology_id.empty() || anthology_id.find("://") != std::string::npos) {
      std::string number = paper_id;
      while (number.size() < 3) number.insert(number.begin(), '0');
      anthology_id = collection_ + "-" + volume_.id + number;
    }
    work.external_id = "acl:" + anthology_id;
    work.source = "ACL Anthology";
    work.type = work_type(collection_);
    work.venue = volume_.booktitle.empty() ? series_name(collection_) : volume_.booktitle;
    work.year = four_digit_year(volume_.year);
    if (work.year == 0 && volume_.year.empty()) work.year = collection_year(collection_);
    int month = month_number(volume_.month);
    work.date = work.year > 0 ? std::to_string(work.year) : "";
    if (month > 0 && work.year > 0) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%04d-%02d", work.year, month);
      work.date = buf;
    }
    work.categories = {"cs.CL"};
    work.url = url.find("://") != std::string::npos ? url : "https://aclanthology.org/" + anthology_id;
    deliver(std::move(work), sink_, path_, line, "paper " + anthology_id + ": ");
  }

  std::string path_;
  RecordSink& sink_;
  std::string collection_;
  VolumeMeta volume_;
  XmlStream* stream_ = nullptr;  // while run() reads
};

}  // namespace

void read_acl(const std::string& path, RecordSink& sink) { AclParser(path, sink).run(); }

}  // namespace bzpeer::ingest

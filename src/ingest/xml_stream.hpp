#pragma once
// libxml2's streaming reader over one file, for XML sources that may not fit in memory
// (ACL Anthology collections, the DBLP dump), and the few calls every such reader makes.
#include <libxml/xmlreader.h>

#include <cstdint>
#include <string>

namespace bzpeer::ingest {

class XmlStream {
 public:
  // `options`: libxml2 parser options on top of XML_PARSE_NONET (never the network) and
  // silence (errors are kept here, not printed).
  XmlStream(const std::string& path, int options = 0);
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;
  ~XmlStream();

  bool is_open() const { return reader_ != nullptr; }
  xmlTextReaderPtr reader() const { return reader_; }
  // Advances to the next node: 1, 0 at the end, -1 on an error.
  int read() { return xmlTextReaderRead(reader_); }

  // The text of the current element with inline markup (<fixed-case>, <i>, ...) flattened.
  std::string text();

  // The parser runs ahead of the nodes it hands out, so after an error the nodes already
  // built still come, but the text of some may not. A reader marks where a record starts
  // and, at its end, asks whether the error may have cut into it (a text lost, or the
  // record reaching the error's line): such a record is dropped, not stored in half.
  struct Mark {
    std::uint64_t lost_texts = 0;
  };
  Mark mark() const { return {lost_texts_}; }
  bool damaged_since(Mark mark, std::uint64_t last_line) const;
  // What to report after read() returned -1: the line and the error, noting that the
  // records before it were kept.
  std::uint64_t failure_line() const;
  std::string failure_reason(const std::string& kept) const;

 private:
  static void on_error(void* self, const char* message, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator);

  xmlTextReaderPtr reader_ = nullptr;
  std::string error_;
  std::uint64_t error_line_ = 0;
  std::uint64_t lost_texts_ = 0;
};

// An attribute of the current element ("" when absent).
std::string xml_attribute(xmlTextReaderPtr reader, const char* name);
// The line of the current node (the parser's own line runs ahead of the node it hands out).
std::uint64_t xml_node_line(xmlTextReaderPtr reader);
// Whether the current node's local name is `name`.
bool xml_named(xmlTextReaderPtr reader, const char* name);

}  // namespace bzpeer::ingest

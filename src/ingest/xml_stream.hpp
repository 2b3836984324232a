#pragma once
// libxml2's streaming reader over one file, for XML sources that may not fit in memory
// (ACL Anthology collections, the DBLP dump), and the few calls every such reader makes.
#include <libxml/xmlreader.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// An attribute of the current element ("" when absent).
std::string xml_attribute(xmlTextReaderPtr reader, const char* name);
// The line of the current node (the parser's own line runs ahead of the node it hands out).
std::uint64_t xml_node_line(xmlTextReaderPtr reader);
// Whether the current node's local name is `name`.
bool xml_named(xmlTextReaderPtr reader, const char* name);

class XmlStream {
 public:
  // `options`: libxml2 parser options on top of XML_PARSE_NONET (never the network) and
  // silence (errors are kept here, not printed). With XML_PARSE_DTDLOAD a .dtd file
  // beside `path` may be read; no other file, and nothing at all without it.
  XmlStream(const std::string& path, int options = 0);
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;
  ~XmlStream();

  bool is_open() const { return reader_ != nullptr; }
  // Whether the file opened; when not, says so to `sink` (the first step of every reader).
  bool opened_or_reported(const std::string& path, RecordSink& sink) const {
    if (!is_open()) sink.reject({path, 0, "cannot open XML file"});
    return is_open();
  }
  xmlTextReaderPtr reader() const { return reader_; }

  // The entity loader's questions: may this stream read `url`; and, when it may not,
  // the first such resource the document asked for ("" when none).
  bool may_load(std::string_view url) const;
  void refused(const std::string& url) const;
  const std::string& first_refused() const { return refused_; }
  // Advances to the next node: 1, 0 at the end, -1 on an error.
  int read() { return xmlTextReaderRead(reader_); }

  // The text of the current element with inline markup (<fixed-case>, <i>, ...) flattened.
  std::string text();

  // Reads the current element to its end tag, calling `visit` on each of its child
  // elements (not deeper ones: an abstract may hold a <url> of its own). True when the
  // element was read whole and the parser's error, if any, cannot have cut into it. The
  // parser runs ahead of the nodes it hands out: after an error the nodes already built
  // still come but the text of some may not, so an element that lost a text or reaches
  // the error's line is dropped by its reader rather than stored in half.
  template <typename Visit>
  bool read_children(Visit&& visit) {
    const std::uint64_t lost_before = lost_texts_;
    std::uint64_t last_line = xml_node_line(reader_);
    const int depth = xmlTextReaderDepth(reader_);
    bool complete = xmlTextReaderIsEmptyElement(reader_) == 1;
    while (!complete && xmlTextReaderRead(reader_) == 1) {
      int type = xmlTextReaderNodeType(reader_);
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(reader_) == depth) complete = true;
      if (type != XML_READER_TYPE_ELEMENT) continue;
      last_line = xml_node_line(reader_);
      if (xmlTextReaderDepth(reader_) == depth + 1) visit();
    }
    return complete && (error_.empty() || (lost_texts_ == lost_before && last_line < error_line_));
  }

  // What to report after read() returned -1: the line and the error, noting that the
  // records before it were kept.
  std::uint64_t failure_line() const;
  std::string failure_reason(const std::string& kept) const;

 private:
  static void on_error(void* self, const char* message, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator);

  std::string dtd_directory_;  // "" when no external resource may be read
  mutable std::string refused_;
  xmlTextReaderPtr reader_ = nullptr;
  std::string error_;
  std::uint64_t error_line_ = 0;
  std::uint64_t lost_texts_ = 0;
};

}  // namespace bzpeer::ingest

#include "ingest/xml_stream.hpp"

#include <cstring>

namespace bzpeer::ingest {

XmlStream::XmlStream(const std::string& path, int options)
    : reader_(xmlReaderForFile(path.c_str(), nullptr, options | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) {
  if (reader_) xmlTextReaderSetErrorHandler(reader_, &XmlStream::on_error, this);
}

XmlStream::~XmlStream() {
  if (reader_) xmlFreeTextReader(reader_);
}

void XmlStream::on_error(void* self, const char* message, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator) {
  auto* stream = static_cast<XmlStream*>(self);
  if (severity != XML_PARSER_SEVERITY_ERROR || !stream->error_.empty()) return;
  stream->error_ = message ? message : "";
  while (!stream->error_.empty() && (stream->error_.back() == '\n' || stream->error_.back() == ' '))
    stream->error_.pop_back();
  stream->error_line_ = static_cast<std::uint64_t>(xmlTextReaderLocatorLineNumber(locator));
}

std::uint64_t XmlStream::failure_line() const {
  return error_line_ ? error_line_ : static_cast<std::uint64_t>(xmlTextReaderGetParserLineNumber(reader_));
}

std::string XmlStream::failure_reason(const std::string& kept) const {
  return "malformed XML" + (error_.empty() ? std::string() : ": " + error_) + " (" + kept + " before this point were kept)";
}

std::string xml_attribute(xmlTextReaderPtr reader, const char* name) {
  xmlChar* value = xmlTextReaderGetAttribute(reader, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string out(reinterpret_cast<char*>(value));
  xmlFree(value);
  return out;
}

std::string XmlStream::text() {
  xmlChar* value = xmlTextReaderReadString(reader_);
  if (!value) {
    if (!error_.empty() && !xmlTextReaderIsEmptyElement(reader_)) ++lost_texts_;
    return {};
  }
  std::string out(reinterpret_cast<char*>(value));
  xmlFree(value);
  return out;
}


std::uint64_t xml_node_line(xmlTextReaderPtr reader) {
  long line = xmlGetLineNo(xmlTextReaderCurrentNode(reader));
  return line > 0 ? static_cast<std::uint64_t>(line) : 0;
}

bool xml_named(xmlTextReaderPtr reader, const char* name) {
  return std::strcmp(reinterpret_cast<const char*>(xmlTextReaderConstLocalName(reader)), name) == 0;
}

}  // namespace bzpeer::ingest

#include "ingest/xml_stream.hpp"

#include <libxml/parser.h>

#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

namespace bzpeer::ingest {

namespace {

// libxml2's entity loader is process-wide; the streams open on this thread, innermost
// last, say what it may load for them.
thread_local std::vector<const XmlStream*> open_streams;
xmlExternalEntityLoader default_loader = nullptr;

// Every external resource a document names (DTD, external entity, parameter entity)
// passes here. Only a .dtd file beside the document is read, and only for a stream
// that asked for its DTD: `<!ENTITY x SYSTEM "file:///etc/passwd">` loads nothing.
xmlParserInputPtr guarded_loader(const char* url, const char* id, xmlParserCtxtPtr context) {
  const XmlStream* stream = open_streams.empty() ? nullptr : open_streams.back();
  if (stream && url && stream->may_load(url)) return default_loader(url, id, context);
  if (stream) stream->refused(url ? url : "");
  return nullptr;
}

void install_guarded_loader() {
  static std::once_flag once;
  std::call_once(once, [] {
    default_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(guarded_loader);
  });
}

std::string canonical_directory_of(const std::string& path) {
  std::error_code ec;
  auto dir = std::filesystem::weakly_canonical(std::filesystem::absolute(path, ec), ec).parent_path();
  return ec ? std::string() : dir.string();
}

}  // namespace

XmlStream::XmlStream(const std::string& path, int options)
    : dtd_directory_((options & XML_PARSE_DTDLOAD) ? canonical_directory_of(path) : "") {
  install_guarded_loader();
  reader_ = xmlReaderForFile(path.c_str(), nullptr, options | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (reader_) xmlTextReaderSetErrorHandler(reader_, &XmlStream::on_error, this);
  open_streams.push_back(this);
}

XmlStream::~XmlStream() {
  if (reader_) xmlFreeTextReader(reader_);
  open_streams.pop_back();
}

bool XmlStream::may_load(std::string_view url) const {
  if (dtd_directory_.empty()) return false;
  if (url.rfind("file://", 0) == 0) url.remove_prefix(7);
  if (url.find("://") != std::string_view::npos) return false;
  std::error_code ec;
  auto file = std::filesystem::weakly_canonical(std::filesystem::absolute(std::string(url), ec), ec);
  // A file in that very folder, named *.dtd.
  return !ec && file.parent_path() == dtd_directory_ && file.extension() == ".dtd";
}

void XmlStream::refused(const std::string& url) const {
  if (refused_.empty()) refused_ = url;
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

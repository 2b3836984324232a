#include "ingest/json_lines.hpp"

#include <zlib.h>

#include "ingest/line_reader.hpp"
#include "ingest/validate.hpp"

namespace bzpeer::ingest {

std::string json_text(simdjson::ondemand::value v) {
  if (v.is_null()) return {};
  std::string_view s = v.get_string();
  return std::string(s);
}

namespace {

// Where a parse stands, as a line number of the text that starts at `text`.
class LineCounter {
 public:
  LineCounter(const char* text, std::uint64_t first_line) : seen_(text), line_(first_line) {}
  std::uint64_t at(const char* position) {
    for (; seen_ < position; ++seen_)
      if (*seen_ == '\n') ++line_;
    return line_;
  }

 private:
  const char* seen_;
  std::uint64_t line_;
};

// Parses the records of one JSON value (a line or a whole document) into works and
// delivers them: a record, an array of records, or an API page's envelope. Returns
// false when the JSON is broken, after reporting it (nothing after a break is trusted).
bool read_value(simdjson::ondemand::document& doc, bool maybe_envelope, JsonLayout layout, LineCounter& lines,
                const std::string& path, RecordSink& sink, const JsonRecordParser& parse) {
  std::uint64_t line = lines.at(doc.current_location().value_unsafe());
  // In an array or envelope, a reason also says which record: many can share a line.
  std::string what;
  size_t index = 0;
  std::string pair_id;
  auto one = [&](simdjson::ondemand::object record) {
    model::Work work;
    work.external_id = pair_id;
    try {
      parse(record, work);
    } catch (const BadField& e) {
      sink.reject({path, line, what + e.what()});
      return;
    }
    deliver(std::move(work), sink, path, line, what);
  };
  auto each = [&](simdjson::ondemand::array records) {
    for (auto element : records) {
      line = lines.at(element.current_location().value_unsafe());
      what = "record " + std::to_string(++index) + ": ";
      one(element.get_object());
    }
  };
  try {
    if (layout == JsonLayout::id_record_pairs) {
      auto pair = doc.get_array();
      auto it = pair.begin();
      if (it == pair.end()) throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
      pair_id = std::string(std::string_view((*it).get_string()));
      ++it;
      if (it == pair.end()) throw simdjson::simdjson_error(simdjson::INCORRECT_TYPE);
      one((*it).get_object());
      return true;
    }
    if (doc.type() == simdjson::ondemand::json_type::array) {
      each(doc.get_array());
      return true;
    }
    simdjson::ondemand::object object = doc.get_object();
    if (maybe_envelope) {
      auto results = object.find_field_unordered("results");
      if (!results.error() && results.type() == simdjson::ondemand::json_type::array) {
        each(results.get_array());
        return true;
      }
      object.reset();
    }
    one(object);
    return true;
  } catch (const simdjson::simdjson_error& e) {
    sink.reject({path, line, std::string("malformed JSON: ") + e.what()});
    return false;
  }
}

// A JSON-lines record sits on one line and ends with '}' there; a pretty-printed
// document's first line does not ("{", or "{\"meta\": {"), and an array starts with '['.
bool is_json_lines(std::string_view first_line, JsonLayout layout) {
  if (layout == JsonLayout::id_record_pairs) return true;  // one pair a line, always
  size_t begin = first_line.find_first_not_of(" \t\r\xef\xbb\xbf");
  size_t end = first_line.find_last_not_of(" \t\r");
  return begin != std::string_view::npos && first_line[begin] == '{' && first_line[end] == '}';
}

// Whether most of the first non-blank lines of the file (after its first) are whole
// objects, one a line.
bool mostly_json_lines(const std::string& path, JsonLayout layout) {
  gzFile in = gzopen(path.c_str(), "rb");  // compressed or not
  if (!in) return false;
  std::string buffer(256 * 1024, '\0');
  int seen = 0, objects = 0;
  bool first = true;
  while (seen < 10 && gzgets(in, buffer.data(), static_cast<int>(buffer.size()))) {
    std::string_view line(buffer.data());
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (first) {
      first = false;
      continue;
    }
    ++seen;
    objects += is_json_lines(line, layout);
  }
  gzclose(in);
  return seen >= 2 && objects * 2 > seen;
}

// Reads the whole file (through zlib: compressed or not) for a single-document parse.
bool read_whole(const std::string& path, std::string& out, std::string& error) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) {
    error = "cannot open file";
    return false;
  }
  char buffer[1 << 16];
  int n;
  while ((n = gzread(in, buffer, sizeof buffer)) > 0) {
    out.append(buffer, static_cast<size_t>(n));
    if (out.size() > kMaxJsonDocumentBytes) {
      gzclose(in);
      error = "a single JSON document over 1 GiB; split it into JSON lines";
      return false;
    }
  }
  int code = Z_OK;
  const char* message = gzerror(in, &code);
  bool ok = n == 0 && code == Z_OK;
  if (!ok) error = std::string("the file ends early (") + message + ")";
  gzclose(in);
  return ok;
}

void read_json_document(const std::string& path, RecordSink& sink, const JsonRecordParser& parse, JsonLayout layout) {
  std::string text, error;
  if (!read_whole(path, text, error)) {
    sink.reject({path, 0, error});
    return;
  }
  simdjson::padded_string padded(text);
  simdjson::ondemand::parser parser;
  LineCounter lines(padded.data(), 1);
  try {
    simdjson::ondemand::document doc = parser.iterate(padded);
    read_value(doc, true, layout, lines, path, sink, parse);
  } catch (const simdjson::simdjson_error& e) {
    sink.reject({path, 1, std::string("malformed JSON: ") + e.what()});
  }
  sink.progress(text.size());
}

}  // namespace

void read_json_records(const std::string& path, RecordSink& sink, const JsonRecordParser& parse, JsonLayout layout) {
  LineReader lines(path);
  if (!lines.is_open()) {
    sink.reject({path, 0, "cannot open file"});
    return;
  }
  simdjson::ondemand::parser parser;
  std::string_view line;
  std::uint64_t next_progress = 1 << 20;
  bool first = true;
  while (lines.next(line)) {
    if (lines.bytes_read() >= next_progress) {
      sink.progress(lines.bytes_read());
      next_progress = lines.bytes_read() + (1 << 20);
    }
    if (first && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // a UTF-8 byte order mark
    size_t start = line.find_first_not_of(" \t\r");
    if (start == std::string_view::npos) continue;  // blank lines are allowed
    // One document, unless the first line, or most of the lines after a broken first
    // one, are whole objects: a bad first line must not lose the records behind it.
    if (first && !is_json_lines(line, layout) && !mostly_json_lines(path, layout))
      return read_json_document(path, sink, parse, layout);
    first = false;
    LineCounter counter(line.data(), lines.line_number());
    try {
      static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);
      simdjson::ondemand::document doc =
          parser.iterate(simdjson::padded_string_view(line.data(), line.size(), lines.capacity_from(line)));
      // Only a line that mentions "results" can be an API page's envelope: others are
      // not searched for the field (a second pass over every snapshot line).
      read_value(doc, line.find("\"results\"") != std::string_view::npos, layout, counter, path, sink, parse);
    } catch (const simdjson::simdjson_error& e) {
      sink.reject({path, lines.line_number(), std::string("malformed JSON: ") + e.what()});
    }
  }
  if (!lines.error().empty())
    sink.reject({path, lines.line_number(), "the file ends early (" + lines.error() + "); the lines before were kept"});
  sink.progress(lines.bytes_read());
}

}  // namespace bzpeer::ingest

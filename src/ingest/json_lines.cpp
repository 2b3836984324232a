#include "ingest/json_lines.hpp"

#include "ingest/line_reader.hpp"
#include "ingest/validate.hpp"

namespace bzpeer::ingest {

std::string json_text(simdjson::ondemand::value v) {
  if (v.is_null()) return {};
  std::string_view s = v.get_string();
  return std::string(s);
}

void read_json_lines(const std::string& path, RecordSink& sink, const JsonRecordParser& parse) {
  LineReader lines(path);
  if (!lines.is_open()) {
    sink.reject({path, 0, "cannot open file"});
    return;
  }
  simdjson::ondemand::parser parser;
  std::string_view line;
  std::uint64_t next_progress = 1 << 20;
  while (lines.next(line)) {
    if (lines.bytes_read() >= next_progress) {
      sink.progress(lines.bytes_read());
      next_progress = lines.bytes_read() + (1 << 20);
    }
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos) continue;  // blank lines are allowed
    model::Work work;
    try {
      static_assert(LineReader::kPadding >= simdjson::SIMDJSON_PADDING);
      simdjson::ondemand::document doc =
          parser.iterate(simdjson::padded_string_view(line.data(), line.size(), lines.capacity_from(line)));
      parse(doc, work);
    } catch (const BadField& e) {
      sink.reject({path, lines.line_number(), e.what()});
      continue;
    } catch (const simdjson::simdjson_error& e) {
      sink.reject({path, lines.line_number(), std::string("malformed JSON: ") + e.what()});
      continue;
    }
    deliver(std::move(work), sink, path, lines.line_number());
  }
  if (!lines.error().empty())
    sink.reject({path, lines.line_number(), "the file ends early (" + lines.error() + "); the lines before were kept"});
  sink.progress(lines.bytes_read());
}

}  // namespace bzpeer::ingest

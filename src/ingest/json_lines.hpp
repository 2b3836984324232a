#pragma once
// The loop every JSON source shares: read a file, parse it with simdjson's On-Demand
// API, normalise and validate each work, and hand it on. A malformed or invalid record
// is reported with its line number and the rest go on. A file is JSON lines (one record
// a line: snapshots) or one JSON document (saved API pages, pretty-printed or not); a
// line or document holds one record, an array of records, or an API result page's
// `{"meta": ..., "results": [...]}` envelope.
#include <simdjson.h>

#include <functional>
#include <stdexcept>
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Fills `work` from one record; throws simdjson_error on malformed JSON.
using JsonRecordParser = std::function<void(simdjson::ondemand::object record, model::Work& work)>;

// How a line holds its record: a record (or an array or envelope of them), or a pair
// `[id, record]` as mirrors of OAI-PMH harvests store them (the parser then finds the id
// in `work.external_id`).
enum class JsonLayout { records, id_record_pairs };

void read_json_records(const std::string& path, RecordSink& sink, const JsonRecordParser& parse,
                       JsonLayout layout = JsonLayout::records);

// A single JSON document larger than this is refused (JSON lines have no such limit).
constexpr size_t kMaxJsonDocumentBytes = size_t{1} << 30;

// A field of the wrong shape ("publication_year": "2020"): reported with the field's name.
struct BadField : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Runs `read` on the value of field `key`; a value of the wrong type becomes a BadField
// that names the field (broken JSON stays a simdjson_error: it is about the line).
template <typename Read>
void read_field(std::string_view key, Read&& read) {
  try {
    read();
  } catch (const simdjson::simdjson_error& e) {
    auto code = e.error();
    if (code != simdjson::INCORRECT_TYPE && code != simdjson::NUMBER_ERROR && code != simdjson::NUMBER_OUT_OF_RANGE)
      throw;
    throw BadField("field \"" + std::string(key) + "\": " + e.what());
  }
}

// A string field's text, or "" for null.
std::string json_text(simdjson::ondemand::value v);

}  // namespace bzpeer::ingest

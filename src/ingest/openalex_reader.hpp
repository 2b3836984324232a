#pragma once
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Reads OpenAlex work objects, one a line (the snapshot's `works` files, or API results
// saved as JSON lines).
void read_openalex(const std::string& path, RecordSink& sink);

}  // namespace bzpeer::ingest

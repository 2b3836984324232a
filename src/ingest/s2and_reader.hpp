#pragma once
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Reads an S2AND dataset directory (papers.json, signatures.json, clusters.json).
void read_s2and(const std::string& directory, RecordSink& sink);

}  // namespace bzpeer::ingest

#pragma once
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Reads arXiv metadata JSON lines (the public snapshot's schema).
void read_arxiv(const std::string& path, RecordSink& sink);

}  // namespace bzpeer::ingest

#pragma once
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Reads one ACL Anthology collection file (<collection><volume><meta/><paper/>...).
void read_acl(const std::string& path, RecordSink& sink);

}  // namespace bzpeer::ingest

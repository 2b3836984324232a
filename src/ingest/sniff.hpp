#pragma once
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Guesses the format of a file or directory from its name and first bytes;
// Format::automatic when it cannot tell.
Format sniff_format(const std::string& path);

// Whether the file (compressed or not) starts with markup rather than JSON.
bool holds_xml(const std::string& path);

}  // namespace bzpeer::ingest

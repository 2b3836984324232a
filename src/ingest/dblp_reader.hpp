#pragma once
#include <string>

#include "ingest/reader.hpp"

namespace bzpeer::ingest {

// Reads the DBLP XML dump (dblp.xml, or dblp.xml.gz; dblp.dtd beside it defines the
// character entities). Articles, conference papers and book chapters become works.
void read_dblp(const std::string& path, RecordSink& sink);

// "Han Hu 0001" -> {"Han Hu", "0001"}: DBLP's editors number people who share a name; a
// name without a number is not (yet) told apart and is no person id.
std::pair<std::string, std::string> split_dblp_homonym_number(const std::string& name);

}  // namespace bzpeer::ingest

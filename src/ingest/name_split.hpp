#pragma once
// Splitting free-text author lists and names for sources that give no structure.
#include <string>
#include <vector>

#include "model/work.hpp"

namespace bzpeer::ingest {

// "A. Smith, B. Jones and C. Wu" -> {"A. Smith", "B. Jones", "C. Wu"}.
std::vector<std::string> split_author_list(const std::string& text);

// "Han Hu" -> first "Han", last "Hu"; "Hu, Han" -> the same; particles ("van der Berg",
// "de la Cruz") stay with the family name.
model::Authorship split_name(const std::string& name);

}  // namespace bzpeer::ingest

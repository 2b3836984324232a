#pragma once
// Turns the TeX accents and braces that arXiv metadata uses in names and titles
// ("Sch\"onberg", "{\'E}cole", "G\"{o}del") into Unicode, NFC-composed.
#include <string>
#include <string_view>

namespace bzpeer::ingest {

std::string detex(std::string_view s);

}  // namespace bzpeer::ingest

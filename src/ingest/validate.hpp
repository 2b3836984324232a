#pragma once
// Checks that apply to a record of any source before it reaches the catalog.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/reader.hpp"
#include "model/work.hpp"

namespace bzpeer::ingest {

struct Limits {
  static constexpr size_t title_bytes = 2'000;
  static constexpr size_t abstract_bytes = 100'000;
  static constexpr size_t name_bytes = 300;
  static constexpr size_t authors = 5'000;
  static constexpr size_t references = 10'000;
  static constexpr size_t field_bytes = 2'000;  // venue, doi, url, ids, affiliations
  static constexpr int first_year = 1900;
};

// The reason a work cannot be stored, or nothing when it is valid.
std::optional<std::string> validate(const model::Work& work);

// Collapses whitespace in every text field (sources wrap titles and abstracts), and
// puts ORCID iDs in their bare form (an iD that is not one is dropped: identity takes
// a shared iD as decisive, so a mistyped one must not count).
void normalize(model::Work& work);

// The last step of every reader: normalises `work` and hands it to `sink` when valid, or
// reports why not at `file`:`line`, the reason prefixed by `what` ("paper P18-1001: ").
void deliver(model::Work&& work, RecordSink& sink, const std::string& file, std::uint64_t line,
             const std::string& what = "");

// A year written as four digits ("2018"); 0 for anything else.
int four_digit_year(const std::string& text);

// A month's number from its English name or abbreviation, any case ("Apr", "april",
// "DEC" -> 4, 4, 12); 0 for anything else.
int month_number(std::string_view name);

// "https://orcid.org/0000-0002-1825-0097" or "0000-0002-1825-0097" -> the bare iD with
// a valid check digit; "" for anything else.
std::string normalize_orcid(const std::string& text);

}  // namespace bzpeer::ingest

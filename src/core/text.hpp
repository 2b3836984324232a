#pragma once
// Unicode-aware text helpers shared by ingest, identity, enrich and search.
#include <string>
#include <string_view>
#include <vector>

namespace bzpeer::text {

// True when `s` is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);

// Case-folds, strips diacritics (NFKD + mark removal) and maps punctuation to
// spaces, collapsing runs of whitespace: "José  Pérez-Ruiz" -> "jose perez ruiz".
std::string fold(std::string_view s);

// The first character of UTF-8 text (its bytes), and its code point; a malformed byte
// is one character with code point -1.
std::string_view first_character(std::string_view s);
int first_code_point(std::string_view s);

// At most `max_bytes` of `s`, cut before a character rather than inside one
// (for quoting user input in messages).
std::string utf8_prefix(std::string_view s, size_t max_bytes);

// `s` with each malformed byte replaced by U+FFFD: user input quoted in a message that
// goes into JSON or a page stays well-formed, whatever bytes came in.
std::string valid_utf8(std::string_view s);

// The first `shown` names joined with ", ", and " et al." when there are more.
std::string names_with_et_al(const std::vector<std::string>& names, size_t shown);

// Collapses runs of whitespace (including newlines) to one space and trims.
std::string squeeze_spaces(std::string_view s);

// The bytes as lowercase hexadecimal digits, two a byte.
std::string hex(std::string_view bytes);

// The non-empty pieces of `s` between separators: split("cs.CV  cs.LG", ' ') -> {"cs.CV", "cs.LG"}.
std::vector<std::string> split(std::string_view s, char separator);

// Lower-case word tokens of folded text (letters and digits), in order.
std::vector<std::string> words(std::string_view s);

// True for common English function words that never start or end a phrase.
bool is_stopword(std::string_view folded_word);

// 64-bit FNV-1a hash, stable across runs and platforms (used for content hashes).
unsigned long long stable_hash(std::string_view s, unsigned long long seed = 1469598103934665603ULL);

}  // namespace bzpeer::text

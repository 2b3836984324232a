#pragma once
// Checks of user-supplied account fields; each error names the field.
#include <string>

#include "core/result.hpp"

namespace bzpeer::accounts {

// Lower-cased, trimmed, one "@" with a dotted domain, at most 254 bytes.
Result<std::string> normalized_email(const std::string& email);
Status check_password(const std::string& password);
// Valid UTF-8 without control characters (newlines allowed when `multiline`), trimmed,
// at most `max_chars` characters.
Result<std::string> checked_text(const std::string& field, const std::string& value, size_t max_chars, bool required,
                                 bool multiline = false);
// "0000-0002-1825-0097" with a valid ISO 7064 check digit (empty is allowed).
Result<std::string> checked_orcid(const std::string& orcid);

}  // namespace bzpeer::accounts

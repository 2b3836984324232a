#pragma once
// The short institution tag a feed item carries ("· stanford"): the one word of an
// affiliation that names the place, not the kind of place.
#include <string>
#include <string_view>

namespace bzpeer::feed {

// "Stanford University" -> "stanford", "University of Washington, Seattle" ->
// "washington", "Microsoft Research Asia" -> "microsoft"; "" for "".
std::string affiliation_tag(std::string_view affiliation);

}  // namespace bzpeer::feed

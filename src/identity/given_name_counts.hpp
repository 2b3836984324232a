#pragma once
// How many authors of a reference corpus go by each given name. Two signatures that
// share a rare given name ("anjali") are likelier one person than two that share a
// common one ("wei", "david"); the pairwise model weighs a shared name by this count.
// Counted by `bzpeer identity train` over every ACL Anthology author and saved with
// the model (names seen at least twice).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/work.hpp"

namespace bzpeer::identity {

using GivenNameCounts = std::map<std::string, std::uint32_t>;  // folded first given name -> authors

// Counts the spelled-out first given names of every author of `works` (initials are not
// names), keeping those seen at least `min_count` times.
GivenNameCounts count_given_names(const std::vector<model::Work>& works, std::uint32_t min_count = 2);

// The count of `given` (0 for a name not in the table).
inline std::uint32_t given_name_count(const GivenNameCounts& counts, const std::string& given) {
  auto it = counts.find(given);
  return it == counts.end() ? 0 : it->second;
}

}  // namespace bzpeer::identity

#pragma once
// How many people of a reference corpus go by each given name and each family name.
// Two signatures that share a rare name ("Anjali Agarwal") are likelier one person than
// two that share a common one ("Wei Wang"): the chance that two people share a full name
// grows with both counts, so the pairwise model weighs a shared name by them. Counted by
// `bzpeer identity train` over every ACL Anthology author and saved with the model
// (names seen at least twice).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "identity/evidence.hpp"
#include "model/work.hpp"
#include "store/pass_rows.hpp"

namespace bzpeer::identity {

struct NameCounts {
  std::map<std::string, std::uint32_t> given;   // folded first given name -> distinct people
  std::map<std::string, std::uint32_t> family;  // folded family name -> distinct people

  std::uint32_t given_count(const std::string& name) const { return count_in(given, name); }
  std::uint32_t family_count(const std::string& name) const { return count_in(family, name); }

 private:
  static std::uint32_t count_in(const std::map<std::string, std::uint32_t>& counts, const std::string& name) {
    auto it = counts.find(name);
    return it == counts.end() ? 0 : it->second;
  }
};

// Counts the people of `works`, one per distinct parsed full name: their spelled-out
// first given names (initials are not names) and their family names, keeping those
// seen at least `min_count` times.
NameCounts count_names(const std::vector<model::Work>& works, std::uint32_t min_count = 2);
// The same over the signatures of an evidence set: the corpus being clustered.
NameCounts count_names(const EvidenceSet& set, std::uint32_t min_count = 2);
// The same over authorship rows (what a partitioned build's plan counts once for all).
NameCounts count_names(const std::vector<store::AuthorshipRow>& rows, std::uint32_t min_count = 2);

// Each name at the larger of its two counts: the reference corpus knows the names of its
// field, the corpus being clustered knows its own (a name common there is common).
NameCounts with_corpus_counts(NameCounts reference, const NameCounts& corpus);

}  // namespace bzpeer::identity

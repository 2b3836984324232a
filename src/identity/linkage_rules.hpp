#pragma once
// The rules every clustering of a block obeys: which signatures can never be one person,
// which must be, and what the pairwise model is asked.
#include <string>
#include <vector>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::identity {

// Signatures that can never be one person: different person ids, different ORCID iDs,
// or the same work.
bool cannot_link(const Signature& a, const Signature& b);

// Two spelled-out given names ("wei", "yifan") of which neither begins the other: two
// people, in every clustering path (a researcher's clusters never hold both "Wei" and
// "Wen"; "Steve" and "Steven" may meet).
bool given_names_conflict(const std::string& a, const std::string& b);
bool given_names_conflict(const Signature& a, const Signature& b);

// The same ORCID iD or the same email address: decisive, one person.
bool same_identifier(const Signature& a, const Signature& b);

// Certainly one person: the same person id (editors' id, claim) or the same identifier.
bool certainly_one_person(const Signature& a, const Signature& b);

// A work with no co-authors: the pairwise model, trained on works that have them, has
// only the name and a few title words to go on for two such signatures.
bool solo(const EvidenceSet& set, const Signature& s);

// A solo work with title or abstract words: the topic stage can compare it.
bool solo_with_text(const EvidenceSet& set, const Signature& s);

// Two solo works with text, neither citing the other: left to the topic (centroid)
// stage, which compares whole clusters rather than single papers, since a person's
// papers on neighbouring subjects share few words pair by pair. (Without text, as in a
// source of names and affiliations only, the pairwise model is all there is.)
bool left_to_topic_stage(const EvidenceSet& set, const Signature& a, const Signature& b);

// The model's probability, except for pairs left to the topic stage (0). Signatures
// with one person id, ORCID iD or email are certain.
double pair_probability(const EvidenceSet& set, const Signature& a, const Signature& b, const PairModel& model);

// The model's probability for two signatures of a large block that share no co-author
// and no salient word (the pairs it does not score): their names, with co-authors and
// text at nothing shared, the rest unknown.
double unlinked_probability(const EvidenceSet& set, const Signature& a, const Signature& b, const PairModel& model);

// Initial groups: signatures sharing a person id, an ORCID iD or an email are one person
// from the start (transitively: an id on one work and an ORCID on another join when a
// third work carries both).
std::vector<std::vector<size_t>> must_link_groups(const EvidenceSet& set, const std::vector<size_t>& members);

}  // namespace bzpeer::identity

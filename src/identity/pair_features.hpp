#pragma once
// The evidence that two signatures of one block are the same person, as numbers.
#include <array>
#include <string>

#include "identity/evidence.hpp"
#include "identity/name_counts.hpp"

namespace bzpeer::identity {

constexpr size_t kFeatureCount = 20;
using Features = std::array<double, kFeatureCount>;

// Names of the features, in order (saved with the model so a reader can see its weights).
const std::array<const char*, kFeatureCount>& feature_names();

// `name_counts` tells how common a shared full name is (a common one is weaker evidence).
Features pair_features(const EvidenceSet& set, const Signature& a, const Signature& b,
                       const NameCounts& name_counts);

// The features of two names alone: a pair with no shared co-author, word, venue,
// category or affiliation, and no year known.
Features name_features(const ParsedName& a, const ParsedName& b, const NameCounts& name_counts);

// The shared co-authors of two signatures (their own names left out).
int shared_coauthors(const EvidenceSet& set, const Signature& a, const Signature& b);
// Whether either signature's work lists the other's among its references.
bool one_cites_the_other(const EvidenceSet& set, const Signature& a, const Signature& b);
// Cosine similarity of the two works' terms.
double text_similarity(const EvidenceSet& set, const Signature& a, const Signature& b);

}  // namespace bzpeer::identity

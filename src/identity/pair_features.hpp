#pragma once
// The evidence that two signatures of one block are the same person, as numbers.
#include <array>
#include <string>

#include "identity/evidence.hpp"

namespace bzpeer::identity {

constexpr size_t kFeatureCount = 18;
using Features = std::array<double, kFeatureCount>;

// Names of the features, in order (saved with the model so a reader can see its weights).
const std::array<const char*, kFeatureCount>& feature_names();

// `block_size` is how many signatures share the block: a common name needs more evidence.
Features pair_features(const EvidenceSet& set, const Signature& a, const Signature& b, size_t block_size);

// The shared co-authors of two signatures (their own names left out).
int shared_coauthors(const EvidenceSet& set, const Signature& a, const Signature& b);
// Cosine similarity of the two works' terms.
double text_similarity(const EvidenceSet& set, const Signature& a, const Signature& b);

}  // namespace bzpeer::identity

#pragma once
// The evidence that two signatures of one block are the same person, as numbers.
//
// Missing evidence is missing: a feature the two works cannot show (no co-authors on
// one of them, no abstract or title words, no venue, no affiliation, no year) is NaN,
// never 0. A learner that handles missing values (gradient-boosted trees) then takes no
// stand on it, instead of reading "this source lists no venues" as "different venues".
#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "identity/evidence.hpp"
#include "identity/name_counts.hpp"

namespace bzpeer::identity {

constexpr size_t kFeatureCount = 19;
using Features = std::array<double, kFeatureCount>;

// Feature indices (saved by name with the model, so a reader can see what it uses).
enum Feature : size_t {
  kBias = 0,
  kGivenSame,
  kGivenFirstSame,
  kGivenNickname,
  kGivenInitialsOnly,
  kGivenConflict,
  kMiddleConflict,
  kSharedCoauthorsLog,   // log(1 + shared co-author keys + one if either cites the other)
  kCoauthorJaccard,
  kTextCosine,           // tf-idf of stemmed title and abstract words
  kVenueSimilarity,      // Jaccard of normalised venue words
  kCategoryJaccard,
  kAffiliationJaccard,
  kYearGap,              // |years| / 10, capped at 3
  kMiddleAgreement,
  kGivenNameCommonness,  // log(1 + people with the shared spelled-out first name)
  kFamilyNameCommonness, // log(1 + people with the family name), with the first name shared
  kFewerCoauthorsLog,    // log(1 + co-authors on the work with fewer): how much "0 shared" says
  kInitialOnlyNames,     // how many of the two give only an initial (0, 1, 2): "J Smith" and
                         // "J Smith" say far less than "John Smith" twice
};

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool missing(double v) { return std::isnan(v); }

const std::array<const char*, kFeatureCount>& feature_names();

// `name_counts` tells how common a shared full name is (a common one is weaker evidence).
Features pair_features(const EvidenceSet& set, const Signature& a, const Signature& b,
                       const NameCounts& name_counts);

// pair_features from the names' features and the works' text cosine (missing when
// either work has no words), when a caller has those already.
Features with_work_features(Features names, const EvidenceSet& set, const Signature& a, const Signature& b,
                            double text_cosine);

// The features of two names alone: every other piece of evidence missing.
Features name_features(const ParsedName& a, const ParsedName& b, const NameCounts& name_counts);

// The features of two signatures of one block known to share no co-author and no
// salient word (a large block's unscored pairs): names, with co-authors and text at 0
// where the works have them, the rest missing.
Features unlinked_features(const EvidenceSet& set, const Signature& a, const Signature& b,
                           const NameCounts& name_counts);

// The shared co-authors of two signatures (their own names left out).
int shared_coauthors(const EvidenceSet& set, const Signature& a, const Signature& b);
// Whether either signature's work lists the other's among its references.
bool one_cites_the_other(const EvidenceSet& set, const Signature& a, const Signature& b);
// Cosine similarity of the two works' terms.
double text_similarity(const EvidenceSet& set, const Signature& a, const Signature& b);
// Co-authors on a signature's work, the signature itself left out.
size_t coauthor_count(const EvidenceSet& set, const Signature& s);

}  // namespace bzpeer::identity

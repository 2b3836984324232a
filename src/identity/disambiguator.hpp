#pragma once
// The face of identity: group authorships into researchers.
#include <memory>
#include <string>
#include <vector>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"
#include "store/identity_store.hpp"

namespace bzpeer::identity {

// Clusters authorships; each inner vector holds indices into `rows`, one per researcher.
// `evidence.signatures[i]` describes `rows[i]` (empty for disambiguators that need none).
// Implementations must be deterministic: the same rows give the same clusters.
class Disambiguator {
 public:
  virtual ~Disambiguator() = default;
  virtual bool needs_evidence() const { return false; }
  virtual std::vector<std::vector<size_t>> cluster(const std::vector<store::AuthorshipRow>& rows,
                                                   const EvidenceSet& evidence) = 0;
  // Why each row went to its cluster, and how firmly (indexed like rows); empty when
  // not explained.
  virtual std::vector<store::Attribution> explain(const EvidenceSet& evidence,
                                           const std::vector<std::vector<size_t>>& clusters) {
    (void)evidence;
    (void)clusters;
    return {};
  }
};

// Real disambiguation: block by family name and first initial, score pairs with the
// trained model, cluster within blocks under the constraints (identity/block_clustering).
std::unique_ptr<Disambiguator> make_model_disambiguator(PairModel model);

// The first identity pass: one researcher per Unicode-folded full name. The real
// disambiguation replaces it behind the same interface.
std::unique_ptr<Disambiguator> make_name_key_disambiguator();

// The folded "first last" key under which researchers are looked up by name.
std::string name_key(const store::AuthorshipRow& row);

}  // namespace bzpeer::identity

#include "identity/attribution.hpp"
#include "identity/block_clustering.hpp"
#include "identity/disambiguator.hpp"

namespace bzpeer::identity {

namespace {

class ModelDisambiguator final : public Disambiguator {
 public:
  explicit ModelDisambiguator(PairModel model) : model_(std::move(model)) {}
  bool needs_evidence() const override { return true; }
  std::vector<std::vector<size_t>> cluster(const std::vector<store::AuthorshipRow>&,
                                           const EvidenceSet& evidence) override {
    return cluster_all(evidence, model_);
  }
  std::vector<store::Attribution> explain(const EvidenceSet& evidence,
                                   const std::vector<std::vector<size_t>>& clusters) override {
    return explain_attributions(evidence, clusters, model_);
  }

 private:
  PairModel model_;
};

}  // namespace

std::unique_ptr<Disambiguator> make_model_disambiguator(PairModel model) {
  return std::make_unique<ModelDisambiguator>(std::move(model));
}

}  // namespace bzpeer::identity

#pragma once
// What the feed ranks a work by, kept beside the catalog: its date and categories, and
// the term counts of its title and abstract, which each build brings up to date so a
// reader's first feed reads them instead of stemming a thousand abstracts. The terms
// are encoded by the feed (feed/term_vector.hpp); to the store they are bytes.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace bzpeer::store {

struct WorkFeatures {
  std::int64_t id = 0;
  std::string date;
  int year = 0;
  std::vector<std::string> categories;
  std::optional<std::string> terms;  // none until a build has counted this work's text
};

struct WorkText {
  std::int64_t id = 0;
  std::string title, abstract;
};

class WorkFeatureStore {
 public:
  virtual ~WorkFeatureStore() = default;

  // The works revision the stored terms were last brought up to (0 before any build),
  // and the works changed after a revision, ascending.
  virtual Result<std::int64_t> terms_revision() = 0;
  virtual Result<std::vector<std::int64_t>> works_changed_since(std::int64_t revision) = 0;
  virtual Result<std::vector<WorkText>> work_texts(const std::vector<std::int64_t>& ids) = 0;
  // Stores a batch of works' encoded terms in one transaction; with `revision`, records
  // in the same transaction that every work up to it is counted.
  virtual Status save_terms(const std::vector<std::pair<std::int64_t, std::string>>& terms,
                            std::optional<std::int64_t> revision) = 0;

  // Works by id, in the order asked; unknown ids are left out.
  virtual Result<std::vector<WorkFeatures>> work_features(const std::vector<std::int64_t>& ids) = 0;
};

}  // namespace bzpeer::store

#pragma once
// The serving face of the catalog: profiles, their works with attributions, works by
// id, researchers by name. Read-only; what the pages, the API and the feed ask per
// request, so each call is an indexed lookup.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/researcher.hpp"
#include "store/attribution.hpp"
#include "store/work_summary.hpp"

namespace bzpeer::store {

class CatalogReader {
 public:
  virtual ~CatalogReader() = default;

  virtual Result<std::optional<model::ResearcherProfile>> profile(model::ResearcherId id) = 0;
  // Where a retired id now lives (after a merge), if anywhere.
  virtual Result<std::optional<model::ResearcherId>> redirect(model::ResearcherId old_id) = 0;
  // A researcher's works, newest first, each with its attribution; with `weak_only`, only
  // those tied to the profile on weak evidence (Attribution::strength "weak") and not in
  // `settled` (works the claimed researcher has already confirmed or removed: checked, so
  // no longer to check, though the strength stays until the next build re-clusters them).
  virtual Result<std::vector<WorkSummary>> researcher_works(model::ResearcherId id, Page page, bool weak_only,
                                                            const std::vector<std::int64_t>& settled) = 0;
  // The ids of a researcher's works, newest first, at most `limit`.
  virtual Result<std::vector<std::int64_t>> researcher_work_ids(model::ResearcherId id, std::size_t limit) = 0;
  // How many of `work_ids` are on researcher `id`'s profile.
  virtual Result<int> count_on_profile(model::ResearcherId id, const std::vector<std::int64_t>& work_ids) = 0;
  // How many of a researcher's works are tied to the profile on weak evidence, `settled`
  // ones left out.
  virtual Result<int> weak_work_count(model::ResearcherId id, const std::vector<std::int64_t>& settled) = 0;
  // Researchers whose folded name equals (exact) or starts with (prefix) the folded query,
  // most works first.
  virtual Result<std::vector<model::ResearcherProfile>> find_researchers(const std::string& name, bool prefix,
                                                                         int limit) = 0;
  // Works by id, in the order asked, with their authors; unknown ids are left out. Given
  // a researcher, those on their profile also carry their attribution to them.
  virtual Result<std::vector<WorkSummary>> works_by_ids(const std::vector<std::int64_t>& ids,
                                                        model::ResearcherId attributed_to = model::ResearcherId()) = 0;
  // The attributed authorships of works first_work..last_work, by work, then position.
  virtual Result<std::vector<AuthorshipAttribution>> attributions_in_works(std::int64_t first_work,
                                                                          std::int64_t last_work) = 0;
  virtual Result<std::uint64_t> work_count() = 0;
  // The revision of the last ingest batch that changed works (what caches key on).
  virtual Result<std::int64_t> works_revision() = 0;
};

}  // namespace bzpeer::store

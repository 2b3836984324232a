#pragma once
// The Catalog: works, authorships, researchers and their derived profiles.
// sqlite/ is the embedded implementation; a PostgreSQL one can sit beside it.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/account.hpp"
#include "model/researcher.hpp"
#include "model/topic.hpp"
#include "model/work.hpp"
#include "store/identity_store.hpp"
#include "store/profile_store.hpp"
#include "store/work_features.hpp"
#include "store/work_row.hpp"

namespace bzpeer::store {

struct UpsertCounts {
  std::uint64_t inserted = 0, updated = 0, unchanged = 0;
};

// A work line on a profile or in the API.
struct WorkSummary {
  std::int64_t id = 0;
  std::string external_id, source, type, title, abstract, venue, date, doi, url;
  std::string attribution;           // why this work is on a researcher's profile (fill_attributions)
  std::string attribution_strength;  // how firmly it is tied there (Attribution::strength)
  int year = 0;
  std::vector<std::string> categories;
  std::vector<std::string> authors;  // display names in order
  // Parallel to `authors`: each one's researcher (0 before identity has run) and the
  // affiliation printed on this work ("" when none).
  std::vector<model::ResearcherId> author_ids;
  std::vector<std::string> author_affiliations;
};

// What the search index needs of a researcher (cheaper to read than a whole profile).
struct ResearcherSearchRow {
  model::ResearcherId id = 0;
  std::string display_name, affiliation;
  int works_count = 0;
  std::vector<std::string> topics;  // topic labels
};

// One authorship's researcher and why (export).
struct AuthorshipAttribution {
  std::int64_t work_id = 0;
  int position = 0;
  model::ResearcherId researcher = 0;
  Attribution attribution;
};

struct Page {
  int page = 1;
  int per_page = 20;
};

class Catalog {
 public:
  virtual ~Catalog() = default;

  // Ingest: inserts or updates each work by external_id in one transaction.
  // A work whose content is unchanged is left untouched (idempotent re-ingest).
  virtual Result<UpsertCounts> upsert_works(const std::vector<model::Work>& works) = 0;

  // The graph's and the feed's whole reads, until they have faces of their own (the
  // same rows as ProfileStore's; failures throw).
  virtual void for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) = 0;
  virtual void for_each_work(const std::function<void(WorkRow&&)>& visit) = 0;
  virtual void for_each_researcher_work(
      const std::function<void(model::ResearcherId, std::int64_t work_id)>& visit) = 0;
  virtual void for_each_researcher(
      const std::function<void(model::ResearcherId, const std::string& display_name)>& visit) = 0;

  // Serve.
  virtual std::optional<model::ResearcherProfile> profile(model::ResearcherId id) = 0;
  // Where a retired id now lives (after a merge), if anywhere.
  virtual std::optional<model::ResearcherId> redirect(model::ResearcherId old_id) = 0;
  // A researcher's works, newest first, each with its attribution; with `weak_only`, only
  // those tied to the profile on weak evidence (Attribution::strength "weak") and not in
  // `settled` (works the claimed researcher has already confirmed or removed: checked, so
  // no longer to check, though the strength stays until the next build re-clusters them).
  virtual std::vector<WorkSummary> researcher_works(model::ResearcherId id, Page page, bool weak_only,
                                                    const std::vector<std::int64_t>& settled) = 0;
  // How many of `work_ids` are on researcher `id`'s profile.
  virtual int count_on_profile(model::ResearcherId id, const std::vector<std::int64_t>& work_ids) = 0;
  // The ids of a researcher's works, newest first, at most `limit`.
  virtual std::vector<std::int64_t> researcher_work_ids(model::ResearcherId id, size_t limit) = 0;
  // How many of a researcher's works are tied to the profile on weak evidence, `settled`
  // ones left out.
  virtual int weak_work_count(model::ResearcherId id, const std::vector<std::int64_t>& settled) = 0;
  // Sets the attribution of those of `works` that are on researcher `id`'s profile.
  virtual void fill_attributions(model::ResearcherId id, std::vector<WorkSummary>& works) = 0;
  // Researchers whose folded name equals (exact) or starts with (prefix) the folded query,
  // most works first.
  virtual std::vector<model::ResearcherProfile> find_researchers(const std::string& name, bool prefix,
                                                                 int limit) = 0;

  // Search: the revision of the last ingest batch that changed works, and the works
  // changed after `revision` (with their authors), in id order.
  virtual std::int64_t works_revision() = 0;
  virtual void for_each_work_since(std::int64_t revision, const std::function<void(WorkSummary&&)>& visit) = 0;
  // Works by id, in the order asked, with their authors; unknown ids are left out.
  virtual std::vector<WorkSummary> works_by_ids(const std::vector<std::int64_t>& ids) = 0;
  virtual std::vector<std::int64_t> researcher_work_ids(model::ResearcherId id) = 0;
  virtual void for_each_researcher_for_search(const std::function<void(ResearcherSearchRow&&)>& visit) = 0;
  // Every distinct way a researcher's name was written on their works.
  virtual void for_each_name_variant(
      const std::function<void(model::ResearcherId, const std::string& raw_name)>& visit) = 0;
  virtual void for_each_topic(const std::function<void(model::TopicSummary&&)>& visit) = 0;

  // Graph: how often each researcher signed with each affiliation.
  virtual void for_each_researcher_affiliation(
      const std::function<void(model::ResearcherId, const std::string& affiliation, int works)>& visit) = 0;

  // Export: the attributed authorships of works first_work..last_work (by work, then
  // position), and every attributed authorship grouped by researcher (ascending ids).
  virtual std::vector<AuthorshipAttribution> attributions_in_works(std::int64_t first_work, std::int64_t last_work) = 0;
  virtual void for_each_attribution_by_researcher(const std::function<void(AuthorshipAttribution&&)>& visit) = 0;

  // The narrow faces, on the same connection: identity's, enrich's, and the feed's
  // features.
  virtual IdentityStore& identity() = 0;
  virtual ProfileStore& profiles() = 0;
  virtual WorkFeatureStore& features() = 0;

  virtual std::uint64_t work_count() = 0;
  virtual int schema_version() = 0;
};

// Opens (creating and migrating) the catalog under `data_dir` (catalog.sqlite).
// `read_only` opens an existing catalog for serving.
Result<std::unique_ptr<Catalog>> open_catalog(const std::string& data_dir, bool read_only = false);

}  // namespace bzpeer::store

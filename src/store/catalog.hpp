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
#include "model/researcher.hpp"
#include "model/work.hpp"

namespace bzpeer::store {

struct UpsertCounts {
  std::uint64_t inserted = 0, updated = 0, unchanged = 0;
};

// One authorship as identity sees it.
struct AuthorshipRow {
  std::int64_t id = 0;
  std::int64_t work_id = 0;
  int position = 0;
  std::string raw_name, first, last, affiliation, source_person_id;
  model::ResearcherId previous_researcher = 0;  // from the last build, 0 when new
};

// One work as enrich sees it.
struct WorkRow {
  std::int64_t id = 0;
  std::string external_id, source, type, title, abstract, venue, date;
  int year = 0;
  std::vector<std::string> categories;
};

// A work line on a profile or in the API.
struct WorkSummary {
  std::int64_t id = 0;
  std::string external_id, source, type, title, abstract, venue, date, doi, url;
  std::string attribution;  // why this work is on the researcher's profile (researcher_works only)
  int year = 0;
  std::vector<std::string> categories;
  std::vector<std::string> authors;  // display names in order
};

// The outcome of identity: every authorship's researcher, and each researcher's name.
struct ResearcherAssignment {
  struct Researcher {
    model::ResearcherId id = 0;
    std::string display_name;
    std::string name_key;
  };
  std::vector<Researcher> researchers;
  std::vector<std::pair<std::int64_t, model::ResearcherId>> authorship_to_researcher;
  // Why each authorship went to its researcher, parallel to authorship_to_researcher
  // (may be empty: then no explanations are stored).
  std::vector<std::string> evidence;
  // Old researcher ids that now live on under another id (merges): old -> new.
  std::vector<std::pair<model::ResearcherId, model::ResearcherId>> redirects;
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

  // Identity: all authorships with their previous researcher, ordered by id.
  virtual void for_each_authorship(const std::function<void(AuthorshipRow&&)>& visit) = 0;
  // Replaces the researcher assignment atomically.
  virtual Status save_assignment(const ResearcherAssignment& assignment) = 0;

  // Enrich: all works ordered by id; the (researcher, work) pairs of the assignment.
  virtual void for_each_work(const std::function<void(WorkRow&&)>& visit) = 0;
  virtual void for_each_researcher_work(
      const std::function<void(model::ResearcherId, std::int64_t work_id)>& visit) = 0;
  virtual void for_each_researcher(
      const std::function<void(model::ResearcherId, const std::string& display_name)>& visit) = 0;
  virtual Status save_profiles(const std::vector<model::ResearcherProfile>& profiles) = 0;

  // Serve.
  virtual std::optional<model::ResearcherProfile> profile(model::ResearcherId id) = 0;
  // Where a retired id now lives (after a merge), if anywhere.
  virtual std::optional<model::ResearcherId> redirect(model::ResearcherId old_id) = 0;
  virtual std::vector<WorkSummary> researcher_works(model::ResearcherId id, Page page) = 0;
  // Researchers whose folded name equals (exact) or starts with (prefix) the folded query,
  // most works first.
  virtual std::vector<model::ResearcherProfile> find_researchers(const std::string& name, bool prefix,
                                                                 int limit) = 0;

  virtual std::uint64_t work_count() = 0;
  virtual int schema_version() = 0;
};

// Opens (creating and migrating) the catalog under `data_dir` (catalog.sqlite).
// `read_only` opens an existing catalog for serving.
Result<std::unique_ptr<Catalog>> open_catalog(const std::string& data_dir, bool read_only = false);

}  // namespace bzpeer::store

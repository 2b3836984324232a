#pragma once
// Reading works as WorkSummary rows: the one column list and decoder shared by every
// query that shows works (profiles, search results, the search indexer).
#include <string>
#include <vector>

#include "store/attribution.hpp"
#include "store/work_summary.hpp"
#include "store/sql/connection.hpp"

namespace bzpeer::store::sql {

// Columns of `works w`, in the order read_work_summary expects.
inline constexpr const char* kWorkSummaryColumns =
    "w.id, w.external_id, w.source, w.type, w.title, w.abstract, w.venue, w.date, w.doi, w.url, w.year, w.categories";

// Lists stored in one column (categories, cited ids: tokens without spaces).
std::string join_with_spaces(const std::vector<std::string>& items);
std::vector<std::string> split_at_spaces(const std::string& joined);

// Decodes kWorkSummaryColumns starting at column 0.
WorkSummary read_work_summary(const Statement& stmt);

// The catalog's works revision (catalog_meta), 0 before any ingest.
std::int64_t read_works_revision(Connection& db);

// Decodes (authorship_id, researcher_id, strength, evidence) of researcher_authorships.
AuthorshipAttribution read_attribution(const Statement& stmt);

// One statement for a page of works (their ids a JSON array bound as ?1): for each work,
// `columns` of the rows of `from` whose `key` is in the work's key range
// (authorship_key.hpp) and that meet `condition` (may be empty), each range probed by
// the primary key. Its columns: the work id, the key, then `columns`; ordered by key.
std::string page_of_works_sql(Backend backend, const std::string& columns, const std::string& from,
                              const std::string& key, const std::string& condition);

// Fills works' author lists, a page of works in one statement; given a researcher, also
// each work's attribution to them (the evidence and strength of their first authorship
// of it), in the same statement.
class AuthorsReader {
 public:
  explicit AuthorsReader(Connection& db);
  void fill(std::vector<WorkSummary>& works, model::ResearcherId attributed_to = model::ResearcherId());

 private:
  Statement stmt_;
};

}  // namespace bzpeer::store::sql

#pragma once
// Reading works as WorkSummary rows: the one column list and decoder shared by every
// query that shows works (profiles, search results, the search indexer).
#include <string>
#include <vector>

#include "store/catalog.hpp"
#include "store/sqlite/db.hpp"

namespace bzpeer::store::sqlite {

// Columns of `works w`, in the order read_work_summary expects.
inline constexpr const char* kWorkSummaryColumns =
    "w.id, w.external_id, w.source, w.type, w.title, w.abstract, w.venue, w.date, w.doi, w.url, w.year, w.categories";

// Lists stored in one column (categories, cited ids: tokens without spaces).
std::string join_with_spaces(const std::vector<std::string>& items);
std::vector<std::string> split_at_spaces(const std::string& joined);

// Decodes kWorkSummaryColumns starting at column 0.
WorkSummary read_work_summary(const Statement& stmt);

// Fills works' author lists. Authorship ids are work_id * 8192 + position, so a
// work's authors are one key range.
class AuthorsReader {
 public:
  explicit AuthorsReader(Database& db);
  void fill(WorkSummary& work);

 private:
  Statement stmt_;
};

}  // namespace bzpeer::store::sqlite

#pragma once
// Reads a works search from request parameters, shared by /api/v1/works and /search:
// the text, OpenAlex-style filter and sort, paging by page or by cursor, group_by.
#include <map>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "search/searcher.hpp"
#include "store/catalog_reader.hpp"

namespace bzpeer::http {

// Results reachable by page numbers (as OpenAlex); deeper results need a cursor.
constexpr int kMaxPagedResults = 10'000;

struct WorkSearchParams {
  search::WorkQuery query;
  store::Page page;
  bool cursor = false;               // cursor paging: the next cursor goes in meta
  std::optional<std::string> group_by;
  // The one researcher an author.id filter names (0: none or several): their works
  // come with the attribution that put them on the profile.
  model::ResearcherId author;
};

struct ParamNames {
  const char* text;  // "search" (API) or "q" (page)
  int default_per_page;
};

Result<WorkSearchParams> parse_work_search(const std::map<std::string, std::string>& params, ParamNames names,
                                           store::CatalogReader& catalog);

// The opaque cursor for results from `offset` on.
std::string encode_cursor(size_t offset);

}  // namespace bzpeer::http

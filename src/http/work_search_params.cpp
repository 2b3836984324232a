#include "http/work_search_params.hpp"

#include <charconv>
#include <limits>
#include <set>

#include "http/query_params.hpp"

namespace bzpeer::http {

namespace {

std::string param(const std::map<std::string, std::string>& params, const std::string& name) {
  auto it = params.find(name);
  return it == params.end() ? "" : it->second;
}

// Cursors are "c" + the offset in base 36: opaque to clients, and checked on the way in.
Result<size_t> decode_cursor(const std::string& cursor) {
  if (cursor == "*") return size_t{0};
  unsigned long long offset = 0;
  auto bad = make_error(ErrorCode::invalid_input, "parameter 'cursor' is not a cursor from meta.next_cursor (start with cursor=*)");
  if (cursor.size() < 2 || cursor.size() > 10 || cursor[0] != 'c') return bad;
  auto [ptr, ec] = std::from_chars(cursor.data() + 1, cursor.data() + cursor.size(), offset, 36);
  if (ec != std::errc() || ptr != cursor.data() + cursor.size() || offset > 100'000'000) return bad;
  return static_cast<size_t>(offset);
}

}  // namespace

std::string encode_cursor(size_t offset) {
  char buf[16];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, offset, 36);
  (void)ec;
  return "c" + std::string(buf, ptr);
}

Result<WorkSearchParams> parse_work_search(const std::map<std::string, std::string>& params, ParamNames names,
                                           store::CatalogReader& catalog) {
  WorkSearchParams out;
  out.query.text = param(params, names.text);
  // OpenAlex accepts both spellings of per_page.
  std::string per_page = params.count("per_page") ? param(params, "per_page") : param(params, "per-page");
  auto page = parse_page(param(params, "page"), per_page, names.default_per_page);
  if (!page) return page.error();
  out.page = *page;
  std::set<model::ResearcherId> authors;
  auto filter = search::parse_work_filter(param(params, "filter"), [&](model::ResearcherId id) {
    authors.insert(id);
    return catalog.researcher_work_ids(id, std::numeric_limits<std::size_t>::max());
  });
  if (!filter) return filter.error();
  if (authors.size() == 1) out.author = *authors.begin();
  out.query.filter = *filter;
  auto sort = search::parse_work_sort(param(params, "sort"), !out.query.text.empty());
  if (!sort) return sort.error();
  out.query.sort = *sort;
  out.query.limit = static_cast<size_t>(out.page.per_page);
  if (params.count("cursor")) {
    if (params.count("page")) return make_error(ErrorCode::invalid_input, "use either 'page' or 'cursor', not both");
    auto offset = decode_cursor(param(params, "cursor"));
    if (!offset) return offset.error();
    out.cursor = true;
    out.query.offset = *offset;
  } else {
    if (static_cast<long long>(out.page.page) * out.page.per_page > kMaxPagedResults)
      return make_error(ErrorCode::invalid_input, "page " + std::to_string(out.page.page) + " is beyond the first " +
                                                      std::to_string(kMaxPagedResults) +
                                                      " results; page deeper with cursor=* and meta.next_cursor");
    out.query.offset = static_cast<size_t>((out.page.page - 1) * out.page.per_page);
  }
  if (std::string key = param(params, "group_by"); !key.empty()) {
    auto facet = search::parse_group_by(key);
    if (!facet) return facet.error();
    out.group_by = key;
    out.query.facets = {*facet};
    out.query.facet_sample = 0;  // exact counts
  }
  return out;
}

}  // namespace bzpeer::http

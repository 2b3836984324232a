// The parsers of what a request says, each on one NUL-separated field of the input: the
// search query, filter, sort, group_by, page and per_page, and the redirect after login.
// Each answers a value or an error a person can read; an error's message goes into a
// JSON reply, so it must be well-formed UTF-8 whatever bytes came in.
#include "fuzz_support.hpp"
#include "http/query_params.hpp"
#include "http/redirect_target.hpp"
#include "search/filter_query.hpp"
#include "search/query_check.hpp"
#include "search/work_filter.hpp"

namespace {

template <typename T>
void check_error(const bzpeer::Result<T>& r, const char* parser) {
  if (!r && !bzpeer::text::is_valid_utf8(r.error().message))
    bzpeer::fuzz::finding(std::string(parser) + " gave an error message that is not UTF-8");
}

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace bzpeer;
  auto f = fuzz::fields(data, size, 7);
  check_error(search::check_query(f[0]), "check_query");
  auto works_of = [](model::ResearcherId id) -> Result<std::vector<std::int64_t>> {
    return std::vector<std::int64_t>{id.value(), id.value() + 1};
  };
  auto filter = search::parse_work_filter(f[1], works_of);
  check_error(filter, "parse_work_filter");
  if (filter && *filter) (void)search::filter_query(**filter).get_description();
  check_error(search::parse_work_sort(f[2], !f[0].empty()), "parse_work_sort");
  check_error(search::parse_group_by(f[3]), "parse_group_by");
  check_error(http::parse_page(f[4], f[5]), "parse_page");
  std::string next = http::same_origin_path(f[6], "/");
  // A same-origin path: one leading slash, nothing a browser would read as another host.
  if (next != "/") {
    if (next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\')))
      fuzz::finding("same_origin_path let through " + next);
    for (unsigned char c : next)
      if (is_control(c) || c == '\\') fuzz::finding("same_origin_path let through a control character or backslash");
  }
  return 0;
}

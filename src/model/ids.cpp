#include "model/researcher.hpp"

#include <charconv>

namespace bzpeer::model {

std::string format_researcher_id(ResearcherId id) { return "R" + std::to_string(id.value()); }

namespace {
// The positive number after an optional one-letter prefix (`letter`, either case).
std::int64_t id_after(const std::string& text, char letter, bool prefix_required) {
  size_t start = !text.empty() && (text[0] == letter || text[0] == letter + ('a' - 'A')) ? 1 : 0;
  if ((prefix_required && start == 0) || text.size() <= start || text.size() > 19) return 0;
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data() + start, text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return 0;
  return id;
}
}  // namespace

ResearcherId parse_researcher_id(const std::string& text) {
  return ResearcherId(id_after(text, 'R', /*prefix_required=*/true));
}

std::int64_t parse_work_id(const std::string& text) { return id_after(text, 'W', /*prefix_required=*/false); }

}  // namespace bzpeer::model

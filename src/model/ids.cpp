#include "model/researcher.hpp"

#include <charconv>

namespace bzpeer::model {

std::string format_researcher_id(ResearcherId id) { return "R" + std::to_string(id); }

ResearcherId parse_researcher_id(const std::string& text) {
  if (text.size() < 2 || text.size() > 19 || (text[0] != 'R' && text[0] != 'r')) return 0;
  ResearcherId id = 0;
  auto [ptr, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return 0;
  return id;
}

}  // namespace bzpeer::model

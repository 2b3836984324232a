#include "ingest/name_split.hpp"

#include <unordered_set>

#include "core/text.hpp"

namespace bzpeer::ingest {

namespace {

std::string trim(const std::string& s) { return text::squeeze_spaces(s); }

bool is_particle(const std::string& word) {
  static const std::unordered_set<std::string> particles = {"van", "von", "der", "den", "de", "del", "della",
                                                            "di",  "da",  "la",  "le",  "du", "dos", "das",
                                                            "al",  "el",  "bin", "ibn", "ter", "ten"};
  return particles.count(text::fold(word)) > 0;
}

}  // namespace

std::vector<std::string> split_author_list(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string name = trim(current);
    if (!name.empty()) out.push_back(name);
    current.clear();
  };
  size_t i = 0;
  int depth = 0;  // commas inside parentheses (affiliations) do not split
  while (i < text.size()) {
    char c = text[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (depth == 0 && c == ',') {
      flush();
      ++i;
      continue;
    }
    if (depth == 0 && text.compare(i, 5, " and ") == 0) {
      flush();
      i += 5;
      continue;
    }
    current.push_back(c);
    ++i;
  }
  flush();
  // Drop parenthesised affiliations: "A. Smith (MIT)" -> "A. Smith".
  for (auto& name : out) {
    auto open = name.find('(');
    if (open != std::string::npos) name = trim(name.substr(0, open));
  }
  std::erase_if(out, [](const std::string& n) { return n.empty(); });
  return out;
}

model::Authorship split_name(const std::string& raw) {
  model::Authorship a;
  std::string name = trim(raw);
  a.raw_name = name;
  auto comma = name.find(',');
  if (comma != std::string::npos) {
    a.last = trim(name.substr(0, comma));
    a.first = trim(name.substr(comma + 1));
    a.raw_name = a.first.empty() ? a.last : a.first + " " + a.last;
    return a;
  }
  std::vector<std::string> parts;
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find(' ', start);
    if (end == std::string::npos) end = name.size();
    parts.push_back(name.substr(start, end - start));
    start = end + 1;
  }
  if (parts.empty()) return a;
  size_t family_start = parts.size() - 1;
  while (family_start > 1 && is_particle(parts[family_start - 1])) --family_start;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string& target = i < family_start ? a.first : a.last;
    if (!target.empty()) target.push_back(' ');
    target += parts[i];
  }
  return a;
}

}  // namespace bzpeer::ingest

#include "core/stemming.hpp"

#include <algorithm>
#include <unordered_map>

#include <xapian.h>

#include "core/text.hpp"

namespace bzpeer::text {

bool is_content_word(const std::string& w) {
  if (w.size() < 3 || is_stopword(w)) return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return !(c >= '0' && c <= '9'); });
}

const std::string& english_stem(const std::string& word) {
  thread_local Xapian::Stem stem("english");
  thread_local std::unordered_map<std::string, std::string> known;
  if (known.size() > (1u << 20)) known.clear();
  auto it = known.find(word);
  if (it == known.end()) it = known.emplace(word, stem(word)).first;
  return it->second;
}

std::vector<std::string> content_stems(std::string_view s) {
  std::vector<std::string> out;
  for (const auto& w : words(s))
    if (is_content_word(w)) out.push_back(english_stem(w));
  return out;
}

}  // namespace bzpeer::text

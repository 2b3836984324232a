#include "core/stemming.hpp"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <libstemmer.h>

#include "core/text.hpp"

namespace bzpeer::text {

bool is_content_word(const std::string& w) {
  if (w.size() < 3 || is_stopword(w)) return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return !(c >= '0' && c <= '9'); });
}

const std::string& english_stem(const std::string& word) {
  // Snowball's English stemmer (Porter2), the one Xapian's "english" is built from: the
  // same stems as the search index's. A stemmer is not shared between threads.
  thread_local std::unique_ptr<sb_stemmer, void (*)(sb_stemmer*)> stemmer(sb_stemmer_new("english", "UTF_8"),
                                                                          sb_stemmer_delete);
  auto stem = [](const std::string& w) {
    const sb_symbol* out = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(w.data()), static_cast<int>(w.size()));
    return out ? std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer.get()))) : w;
  };
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

#include "enrich/phrases.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace bzpeer::enrich {

namespace {

constexpr size_t kMinWords = 2, kMaxWords = 3;

bool is_clause_break(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '!' || c == '?' || c == '"' ||
         c == '[' || c == ']' || c == '{' || c == '}' || c == '$' || c == '\\';
}

// A word that can sit inside a topic phrase: not a function word, not a bare number.
bool is_content_word(const std::string& w) {
  if (w.size() < 2 || text::is_stopword(w)) return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return !(c >= '0' && c <= '9'); });
}

void add_ngrams(const std::vector<std::string>& run, std::vector<std::string>& out) {
  for (size_t n = kMinWords; n <= kMaxWords; ++n)
    for (size_t i = 0; i + n <= run.size(); ++i) {
      std::string phrase = run[i];
      for (size_t k = 1; k < n; ++k) phrase += ' ' + run[i + k];
      out.push_back(std::move(phrase));
    }
}

}  // namespace

std::vector<std::string> candidate_phrases(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = start;
    while (end < text.size() && !is_clause_break(text[end])) ++end;
    std::vector<std::string> run;
    for (auto& w : text::words(text.substr(start, end - start))) {
      if (is_content_word(w)) {
        run.push_back(std::move(w));
      } else {
        add_ngrams(run, out);
        run.clear();
      }
    }
    add_ngrams(run, out);
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace bzpeer::enrich

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
bool is_content_word(std::string_view w) {
  if (w.size() < 2 || text::is_stopword(w)) return false;
  return std::any_of(w.begin(), w.end(), [](char c) { return !(c >= '0' && c <= '9'); });
}

struct WordSpan {
  std::uint32_t begin, end;  // in the folded buffer
};

void add_ngrams(const std::vector<WordSpan>& run, const std::string& folded, std::vector<PhraseRef>& out) {
  for (size_t n = kMinWords; n <= kMaxWords; ++n)
    for (size_t i = 0; i + n <= run.size(); ++i) {
      std::uint32_t begin = run[i].begin, end = run[i + n - 1].end;
      std::string_view phrase(folded.data() + begin, end - begin);
      out.push_back({text::stable_hash(phrase), begin, end - begin});
    }
}

}  // namespace

std::vector<PhraseRef> candidate_phrases(std::string_view source, std::string& folded) {
  folded.clear();
  std::vector<PhraseRef> out;
  std::vector<WordSpan> run;
  size_t start = 0;
  while (start < source.size()) {
    size_t end = start;
    while (end < source.size() && !is_clause_break(source[end])) ++end;
    if (end > start) {
      // Fold the clause onto the buffer; words are separated by single spaces there.
      std::uint32_t base = static_cast<std::uint32_t>(folded.size());
      folded += text::fold(source.substr(start, end - start));
      run.clear();
      std::uint32_t i = base;
      while (i < folded.size()) {
        std::uint32_t j = i;
        while (j < folded.size() && folded[j] != ' ') ++j;
        if (is_content_word(std::string_view(folded.data() + i, j - i))) {
          run.push_back({i, j});
        } else {
          add_ngrams(run, folded, out);
          run.clear();
        }
        i = j + 1;
      }
      add_ngrams(run, folded, out);
      folded.push_back('|');  // clauses never join into one phrase
    }
    start = end + 1;
  }
  std::sort(out.begin(), out.end(), [](const PhraseRef& a, const PhraseRef& b) { return a.hash < b.hash; });
  out.erase(std::unique(out.begin(), out.end(), [](const PhraseRef& a, const PhraseRef& b) { return a.hash == b.hash; }),
            out.end());
  return out;
}

std::vector<std::string> candidate_phrase_texts(std::string_view text) {
  std::string folded;
  std::vector<std::string> out;
  for (const auto& p : candidate_phrases(text, folded)) out.emplace_back(folded.substr(p.offset, p.length));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace bzpeer::enrich

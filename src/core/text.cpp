#include "core/text.hpp"

#include <utf8proc.h>

#include <cctype>
#include <cstdint>
#include <cstring>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace bzpeer::text {

std::string names_with_et_al(const std::vector<std::string>& names, size_t shown) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < shown; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > shown) out += " et al.";
  return out;
}

std::string utf8_prefix(std::string_view s, size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t end = max_bytes;
  // Step back over continuation bytes (10xxxxxx) to the start of the cut character.
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return std::string(s.substr(0, end));
}

bool is_valid_utf8(std::string_view s) {
  // Skip ASCII eight bytes at a time; only the rest goes through utf8proc.
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size()) {
      std::uint64_t chunk;
      std::memcpy(&chunk, s.data() + i, 8);
      if ((chunk & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n < 0) return false;
    i += static_cast<size_t>(n);
  }
  return true;
}

std::string_view first_character(std::string_view s) {
  if (s.empty()) return s;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return s.substr(0, n > 0 ? static_cast<size_t>(n) : 1);
}

std::string valid_utf8(std::string_view s) {
  if (is_valid_utf8(s)) return std::string(s);
  std::string out;
  out.reserve(s.size() + 8);
  while (!s.empty()) {
    std::string_view c = first_character(s);
    out += first_code_point(c) < 0 ? std::string_view("\xEF\xBF\xBD") : c;
    s.remove_prefix(c.size());
  }
  return out;
}

int first_code_point(std::string_view s) {
  if (s.empty()) return -1;
  utf8proc_int32_t cp;
  utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                        static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 ? static_cast<int>(cp) : -1;
}

namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Fast path for ASCII, which is most bibliographic text.
std::string fold_ascii(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = true;
  for (unsigned char c : s) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
      space = false;
    } else if (c == '\'') {
      continue;  // "O'Brien" folds to "obrien", as people type it
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string fold(std::string_view s) {
  if (is_ascii(s)) return fold_ascii(s);
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                                                UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
  if (n < 0) return fold_ascii(s);  // invalid UTF-8: keep what ASCII there is
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(mapped, &std::free);

  std::string out;
  out.reserve(static_cast<size_t>(n));
  bool space = true;
  const utf8proc_uint8_t* p = mapped;
  utf8proc_ssize_t left = n;
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p, left, &cp);
    if (len <= 0) break;
    auto category = utf8proc_category(cp);
    bool keep = (category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO) ||
                (category >= UTF8PROC_CATEGORY_ND && category <= UTF8PROC_CATEGORY_NO);
    if (cp == '\'' || cp == 0x2019) {
      // apostrophes vanish, as in the ASCII path
    } else if (keep) {
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(len));
      space = false;
    } else if (!space) {
      out.push_back(' ');
      space = true;
    }
    p += len;
    left -= len;
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string squeeze_spaces(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
  // Most fields are already clean: copy them as they are.
  bool clean = s.empty() || (!is_space(s.front()) && !is_space(s.back()));
  for (size_t i = 0; clean && i < s.size(); ++i)
    if (is_space(s[i]) && (s[i] != ' ' || is_space(s[i + 1]))) clean = false;
  if (clean) return std::string(s);

  std::string out;
  out.reserve(s.size());
  bool space = true;
  for (char c : s) {
    if (is_space(c)) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> split(std::string_view s, char separator) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(separator, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<std::string> words(std::string_view s) { return split(fold(s), ' '); }

bool is_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> stop = {
      "a",       "about",   "above",   "across",  "after",   "again",   "against", "all",     "also",
      "although", "among",  "an",      "and",     "any",     "are",     "as",      "at",      "based",
      "be",      "been",    "before",  "being",   "below",   "between", "both",    "but",     "by",
      "can",     "could",   "did",     "do",      "does",    "doing",   "done",    "due",     "during",
      "each",    "either",  "et",      "etc",     "even",    "ever",    "every",   "few",     "for",
      "from",    "further", "given",   "had",     "has",     "have",    "having",  "here",    "how",
      "however", "i",       "ie",      "eg",      "if",      "in",      "into",    "is",      "it",
      "its",     "itself",  "just",    "less",    "many",    "may",     "might",   "more",    "most",
      "much",    "must",    "new",     "no",      "nor",     "not",     "novel",   "now",     "of",
      "off",     "often",   "on",      "once",    "one",     "only",    "or",      "other",   "our",
      "ours",    "out",     "over",    "own",     "paper",   "per",     "propose", "proposed", "present",
      "same",    "several", "should",  "show",    "shows",   "shown",   "since",   "so",      "some",
      "such",    "than",    "that",    "the",     "their",   "them",    "then",    "there",   "these",
      "they",    "this",    "those",   "through", "thus",    "to",      "too",     "toward",  "towards",
      "two",     "under",   "until",   "up",      "upon",    "use",     "used",    "using",   "via",
      "very",    "was",     "we",      "well",    "were",    "what",    "when",    "where",   "whether",
      "which",   "while",   "who",     "whom",    "why",     "will",    "with",    "within",  "without",
      "work",    "would",   "yet",     "you",     "your",    "study",   "approach", "method", "methods",
      "results", "result",  "first",   "second",  "three",   "different", "various", "existing", "recent",
      "recently", "large",  "small",   "high",    "low",     "better",  "best",    "good",    "able",
      "achieve", "achieves", "demonstrate", "introduce", "introduces", "describe", "describes", "make",
      "makes",   "get",     "take",    "via",     "toward",  "show",    "provide", "provides", "allow",
      "allows",  "yields",  "significantly", "effective", "efficient", "simple", "towards", "further",
      // Boilerplate of abstracts that never names a research topic.
      "extensive", "experiments", "experiment", "experimental", "conduct", "conducted", "outperform",
      "outperforms", "outperforming", "superior", "performance", "performances", "art", "code", "available",
      "github", "https", "http", "www", "com", "org", "proposes", "propose", "presents", "compared",
      "demonstrates", "demonstrated", "previous", "prior", "remarkable", "promising", "competitive",
      "comprehensive", "widely", "commonly", "existing", "specifically", "particular", "particularly",
      "paper", "papers", "article", "work", "works", "problem", "problems", "challenging",
      "challenge", "challenges", "novel", "improved", "improve", "improves", "improving", "achieving",
      "achieved", "obtain", "obtained", "leads", "lead", "key", "main", "important", "significant",
      "results", "publicly", "various", "way", "ways", "wide", "range", "project", "page", "almost"};
  return stop.count(w) > 0;
}

unsigned long long stable_hash(std::string_view s, unsigned long long seed) {
  // FNV-1a over 64-bit words with a final avalanche: fixed across runs and platforms
  // (content hashes are stored), and eight times fewer steps than byte-wise FNV.
  constexpr unsigned long long prime = 1099511628211ULL;
  unsigned long long h = seed ^ (s.size() * 0x9E3779B97F4A7C15ULL);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    unsigned long long word = 0;
    for (int b = 7; b >= 0; --b) word = (word << 8) | static_cast<unsigned char>(s[i + static_cast<size_t>(b)]);
    h = (h ^ word) * prime;
    h ^= h >> 32;
  }
  for (; i < s.size(); ++i) h = (h ^ static_cast<unsigned char>(s[i])) * prime;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

std::string hex(std::string_view bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

}  // namespace bzpeer::text

#include "search/query_check.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/text.hpp"

namespace bzpeer::search {

const std::vector<std::string>& known_fields() {
  static const std::vector<std::string> fields = {"title", "author", "venue", "category", "year", "type"};
  return fields;
}

namespace {

std::string known_list() {
  std::string out;
  for (const auto& f : known_fields()) out += (out.empty() ? "" : ", ") + f + ":";
  return out;
}

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

}  // namespace

Result<CheckedQuery> check_query(const std::string& query) {
  if (query.size() > kMaxQueryBytes)
    return make_error(ErrorCode::invalid_input, "the query is " + std::to_string(query.size()) +
                                                    " bytes long; at most " + std::to_string(kMaxQueryBytes) + " are allowed");
  if (!text::is_valid_utf8(query)) return make_error(ErrorCode::invalid_input, "the query is not valid UTF-8");
  for (size_t i = 0; i < query.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(query[i]);
    if (c == '\t' || c == '\n' || c == '\r') continue;
    if (c < 0x20 || c == 0x7f) {
      char code[8];
      std::snprintf(code, sizeof code, "%02X", c);
      return make_error(ErrorCode::invalid_input, std::string("the query contains a control character (0x") + code +
                                                      ") at byte " + std::to_string(i + 1));
    }
  }
  CheckedQuery out;
  out.text = text::squeeze_spaces(query);
  for (char& c : out.text)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  if (std::count(out.text.begin(), out.text.end(), '"') % 2 != 0)
    return make_error(ErrorCode::invalid_input, "the query has an unbalanced quote (\"): close the phrase or remove it");
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i < out.text.size(); ++i) {
    char c = out.text[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) break;  // unbalanced: handled below
    // "word:value" outside quotes is a field; "Title: subtitle" (colon then space) is text.
    if (c == ':' && i > 0 && word_char(out.text[i - 1]) && i + 1 < out.text.size() && out.text[i + 1] != ' ') {
      size_t start = i;
      while (start > 0 && word_char(out.text[start - 1])) --start;
      std::string field = out.text.substr(start, i - start);
      std::string lower = text::fold(field);
      const auto& known = known_fields();
      if (std::find(known.begin(), known.end(), lower) == known.end())
        return make_error(ErrorCode::invalid_input, "unknown field '" + field + ":'; the fields are " + known_list());
      out.fields.push_back(lower);
    }
  }
  // A pasted title with a stray parenthesis means its words, not a syntax error.
  if (depth != 0) std::replace_if(out.text.begin(), out.text.end(), [](char c) { return c == '(' || c == ')'; }, ' ');
  return out;
}

}  // namespace bzpeer::search

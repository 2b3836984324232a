#include "ingest/detex.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace bzpeer::ingest {

namespace {

// The combining mark for a TeX accent command, or 0.
utf8proc_int32_t combining_mark(char command) {
  switch (command) {
    case '"': return 0x0308;
    case '\'': return 0x0301;
    case '`': return 0x0300;
    case '^': return 0x0302;
    case '~': return 0x0303;
    case '=': return 0x0304;
    case '.': return 0x0307;
    case 'u': return 0x0306;
    case 'v': return 0x030C;
    case 'H': return 0x030B;
    case 'c': return 0x0327;
    case 'k': return 0x0328;
    case 'r': return 0x030A;
    default: return 0;
  }
}

void append_code_point(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  auto n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<char*>(buf), static_cast<size_t>(n));
}

}  // namespace

std::string detex(std::string_view s) {
  if (s.find_first_of("\\{}") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '{' || c == '}') {
      ++i;
      continue;
    }
    if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    char command = s[i + 1];
    utf8proc_int32_t mark = combining_mark(command);
    // Letter commands (\c, \v, \u, \H, \k, \r) need a space or brace after them.
    bool letter_command = (command >= 'a' && command <= 'z') || (command >= 'A' && command <= 'Z');
    size_t j = i + 2;
    if (mark && letter_command && j < s.size() && s[j] != ' ' && s[j] != '{') mark = 0;
    if (mark) {
      while (j < s.size() && (s[j] == ' ' || s[j] == '{')) ++j;
      if (j < s.size() && s[j] == '\\' && j + 1 < s.size() && (s[j + 1] == 'i' || s[j + 1] == 'j')) {
        out.push_back(s[j + 1]);  // dotless i/j: the base letter is enough
        j += 2;
      } else if (j < s.size()) {
        out.push_back(s[j]);
        ++j;
      }
      append_code_point(out, mark);
      i = j;
      continue;
    }
    // Named letters and escapes; anything else keeps its characters without the backslash.
    std::string_view rest = s.substr(i + 1);
    auto starts = [&](std::string_view name) { return rest.substr(0, name.size()) == name; };
    if (starts("ss")) { out += "ß"; i += 3; }
    else if (starts("ae")) { out += "æ"; i += 3; }
    else if (starts("AE")) { out += "Æ"; i += 3; }
    else if (starts("oe")) { out += "œ"; i += 3; }
    else if (starts("o")) { out += "ø"; i += 2; }
    else if (starts("O")) { out += "Ø"; i += 2; }
    else if (starts("l")) { out += "ł"; i += 2; }
    else if (starts("L")) { out += "Ł"; i += 2; }
    else if (starts("aa")) { out += "å"; i += 3; }
    else if (starts("&") || starts("%") || starts("_") || starts("$")) { out.push_back(rest[0]); i += 2; }
    else { ++i; }
  }
  utf8proc_uint8_t* composed = utf8proc_NFC(reinterpret_cast<const utf8proc_uint8_t*>(out.c_str()));
  if (!composed) return out;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(composed, &std::free);
  return std::string(reinterpret_cast<char*>(composed));
}

}  // namespace bzpeer::ingest

// The Han/Giles DBLP name sets: one citation a line,
//   clusterid_citationid author; author; ...<>title <>venue
// in ISO-8859-1 (some files were re-saved as UTF-8: a line that is valid UTF-8 is read
// as such). clusterid is the true person; no years. The ambiguous author is the one in
// the name set's block (family name and first initial): usually listed first in its
// abbreviated form, sometimes later, and sometimes also again in the form the paper
// printed ("J Smith;N Krasnogor;J E Smith"): such a repeat is the same slot, so it is
// not taken for a co-author, and its fuller form names the signature.
#include <algorithm>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <map>

#include <libxml/HTMLparser.h>
#include <utf8proc.h>

#include "core/text.hpp"
#include "identity/eval/labelled_data.hpp"

namespace bzpeer::identity {

namespace fs = std::filesystem;

namespace {

std::string latin1_to_utf8(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Names and titles carry HTML entities ("Johnny &Ouml;berg"): decoded through
// libxml2's table of HTML entities; an unknown one is kept as written.
std::string decode_entities(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    size_t end = s[i] == '&' ? s.find(';', i) : std::string::npos;
    if (end == std::string::npos || end - i > 10) {
      out += s[i];
      continue;
    }
    std::string name = s.substr(i + 1, end - i - 1);
    long code = -1;
    if (name.size() > 1 && name[0] == '#') code = std::strtol(name.c_str() + 1, nullptr, name[1] == 'x' ? 16 : 10);
    else if (const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) code = e->value;
    utf8proc_uint8_t bytes[4];
    if (code <= 0 || !utf8proc_codepoint_valid(static_cast<utf8proc_int32_t>(code))) {
      out += s[i];
      continue;
    }
    auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code), bytes);
    out.append(reinterpret_cast<const char*>(bytes), static_cast<size_t>(n));
    i = end;
  }
  return out;
}


struct Citation {
  std::string label;
  std::vector<std::string> authors;
  std::string title, venue;
};

// The parts of one line, or an error naming what is missing.
Result<Citation> parse_line(std::string line, const std::string& set_name) {
  if (!text::is_valid_utf8(line)) line = latin1_to_utf8(line);
  line = decode_entities(line);
  size_t space = line.find_first_of(" \t");
  size_t underscore = line.find('_');
  if (space == std::string::npos || underscore == std::string::npos || underscore > space || underscore == 0)
    return make_error(ErrorCode::invalid_input, "expected 'clusterid_citationid authors<>title <>venue'");
  Citation c;
  c.label = set_name + ":" + line.substr(0, underscore);
  std::string rest = line.substr(space + 1);
  size_t first = rest.find("<>");
  if (first == std::string::npos) return make_error(ErrorCode::invalid_input, "no '<>' after the authors");
  size_t second = rest.find("<>", first + 2);
  for (const auto& a : text::split(rest.substr(0, first), ';'))
    if (auto name = text::squeeze_spaces(a); !name.empty()) c.authors.push_back(name);
  if (c.authors.empty()) return make_error(ErrorCode::invalid_input, "no authors");
  c.title = text::squeeze_spaces(rest.substr(first + 2, second == std::string::npos ? std::string::npos : second - first - 2));
  if (second != std::string::npos) c.venue = text::squeeze_spaces(rest.substr(second + 2));
  return c;
}

// How many given-name parts a parsed name spells out (to pick the fullest form).
size_t detail(const ParsedName& n) { return n.given.size() * 2 + n.middle_initials.size() + (n.first_is_initial ? 0 : 4); }

}  // namespace

Result<LabelledSet> load_han(const std::string& path) {
  if (!fs::exists(path)) return make_error(ErrorCode::not_found, path + ": no such file or directory");
  auto files = files_with_extension(path, ".txt");
  LabelledSet set;
  auto name = fs::path(path);
  if (name.filename().empty()) name = name.parent_path();
  set.name = name.filename().string();
  std::vector<std::pair<RawWork, std::string>> rows;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return make_error(ErrorCode::not_found, file + ": cannot read");
    std::string set_name = fs::path(file).stem().string();
    std::vector<Citation> citations;
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (text::squeeze_spaces(line).empty()) continue;
      auto citation = parse_line(line, set_name);
      if (!citation)
        return make_error(ErrorCode::invalid_input, file + ":" + std::to_string(number) + ": " + citation.error().message);
      citations.push_back(std::move(*citation));
    }
    if (citations.empty()) return make_error(ErrorCode::invalid_input, file + ": no citations found");
    // The set's block: the one most citations' first authors fall in.
    std::map<std::string, size_t> first_blocks;
    for (const auto& c : citations) ++first_blocks[block_key(parse_name("", "", c.authors[0]))];
    std::string block = std::max_element(first_blocks.begin(), first_blocks.end(), [](const auto& a, const auto& b) {
                          return a.second < b.second;
                        })->first;
    for (size_t i = 0; i < citations.size(); ++i) {
      const auto& c = citations[i];
      RawWork work;
      work.title = c.title;
      work.venue = c.venue;
      std::string signature;
      ParsedName signature_name;
      for (const auto& author : c.authors) {
        ParsedName parsed = parse_name("", "", author);
        bool in_block = block_key(parsed) == block;
        if (in_block && signature.empty()) {
          signature = author;
          signature_name = parsed;
        } else if (in_block && compare_given(parsed, signature_name) != GivenNameMatch::conflict &&
                   !middle_conflict(parsed, signature_name)) {
          if (detail(parsed) > detail(signature_name)) {  // the same slot, printed in full
            signature = author;
            signature_name = parsed;
          }
        } else {
          work.authors.push_back({"", "", author, "", "", "", ""});
        }
      }
      if (signature.empty()) {
        // A garbled author list ("Laxmi N Bhuyan H M W Verbeek, ... and A Kumar"): the
        // format puts the ambiguous author first, so the first entry is the signature.
        signature = c.authors[0];
        work.authors.erase(work.authors.begin());
      }
      work.authors.insert(work.authors.begin(), {"", "", signature, "", "", "", ""});
      rows.emplace_back(std::move(work), c.label);
    }
  }
  EvidenceBuilder builder;
  for (const auto& [work, label] : rows) builder.count_text(work.title, "");
  for (const auto& [work, label] : rows) {
    builder.add_work(work, {0});
    set.labels.push_back(label);
  }
  set.evidence = builder.take();
  return set;
}

}  // namespace bzpeer::identity

#include "ingest/sniff.hpp"

#include <filesystem>
#include <string_view>

#include <zlib.h>

namespace bzpeer::ingest {

namespace {

// The first 64 KiB, through zlib, which reads a plain file as it is: "works.gz" and
// "dblp.xml.gz" are recognised by what they hold.
std::string head_of(const std::string& path) {
  gzFile in = gzopen(path.c_str(), "rb");
  if (!in) return {};
  std::string head(64 * 1024, '\0');
  int n = gzread(in, head.data(), static_cast<unsigned>(head.size()));
  gzclose(in);
  head.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return head;
}

constexpr int kLinesSniffed = 20;

size_t first_content(const std::string& head) { return head.find_first_not_of(" \t\r\n\xef\xbb\xbf"); }

}  // namespace

bool holds_xml(const std::string& path) {
  std::string head = head_of(path);
  size_t first = first_content(head);
  return first != std::string::npos && head[first] == '<';
}

Format sniff_format(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::is_directory(path, ec)) return fs::exists(fs::path(path) / "signatures.json", ec) ? Format::s2and : Format::automatic;
  std::string head = head_of(path);
  size_t first = first_content(head);
  if (first == std::string::npos) return Format::automatic;
  if (head[first] == '<') {
    if (head.find("<OAI-PMH") != std::string::npos && head.find("arXiv.org") != std::string::npos) return Format::arxiv_oai;
    if (head.find("<collection") != std::string::npos) return Format::acl;
    if (head.find("<dblp") != std::string::npos || head.find("<!DOCTYPE dblp") != std::string::npos) return Format::dblp;
    return Format::automatic;
  }
  if (head[first] == '{' || head[first] == '[') {
    // OpenAlex works carry their OpenAlex URL as id, or at least "authorships": on the
    // first line of JSON lines, or anywhere near the start of a saved API page (an array
    // or a {meta, results} envelope, pretty-printed or not).
    if (head.find("\"https://openalex.org/W") != std::string::npos || head.find("\"authorships\"") != std::string::npos)
      return Format::openalex;
    // Mirrors of arXiv's OAI-PMH harvest: ["1507.06134", {"creator": [...], ...}] a line.
    if (head[first] == '[' && head.compare(first, 2, "[\"") == 0 && head.find("\"creator\"") != std::string::npos)
      return Format::arxiv_oai;
    if (head[first] == '[') return Format::automatic;
    // arXiv lines carry "authors_parsed" or at least an "id" and "title" on one line: any
    // of the first lines will do, so that one broken line does not hide the file.
    size_t start = first;
    for (int n = 0; n < kLinesSniffed && start < head.size(); ++n) {
      size_t end = head.find('\n', start);
      std::string_view line(head.data() + start, (end == std::string::npos ? head.size() : end) - start);
      if (line.find("\"authors_parsed\"") != std::string_view::npos ||
          (line.find("\"id\"") != std::string_view::npos && line.find("\"title\"") != std::string_view::npos))
        return Format::arxiv;
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  return Format::automatic;
}

}  // namespace bzpeer::ingest

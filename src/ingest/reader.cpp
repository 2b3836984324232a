#include "ingest/reader.hpp"

#include <algorithm>
#include <filesystem>

#include "ingest/acl_reader.hpp"
#include "ingest/arxiv_oai_reader.hpp"
#include "ingest/arxiv_reader.hpp"
#include "ingest/dblp_reader.hpp"
#include "ingest/openalex_reader.hpp"
#include "ingest/s2and_reader.hpp"
#include "ingest/sniff.hpp"

namespace bzpeer::ingest {

namespace fs = std::filesystem;

Result<Format> parse_format(const std::string& name) {
  if (name == "auto") return Format::automatic;
  if (name == "arxiv") return Format::arxiv;
  if (name == "arxiv-oai") return Format::arxiv_oai;
  if (name == "openalex") return Format::openalex;
  if (name == "acl") return Format::acl;
  if (name == "dblp") return Format::dblp;
  if (name == "s2and") return Format::s2and;
  return make_error(ErrorCode::invalid_input, "unknown format '" + name + "' (expected auto, arxiv, arxiv-oai, openalex, acl, dblp or s2and)");
}

namespace {

std::uint64_t size_of(const fs::path& path) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::uint64_t total = 0;
    for (const auto& entry : fs::directory_iterator(path, ec))
      if (entry.is_regular_file(ec)) total += entry.file_size(ec);
    return total;
  }
  auto size = fs::file_size(path, ec);
  return ec ? 0 : size;
}

void add_input(const fs::path& path, Format forced, std::vector<Input>& out, RecordSink& sink) {
  Format format = forced == Format::automatic ? sniff_format(path.string()) : forced;
  if (format == Format::automatic) {
    sink.reject({path.string(), 0, size_of(path) == 0 ? "empty file (nothing to read)"
                                                       : "unrecognised format (pass --format arxiv|arxiv-oai|openalex|acl|dblp|s2and)"});
    return;
  }
  out.push_back({path.string(), format, size_of(path)});
}

// Files a directory walk skips silently: documentation, licences, schemas and DTDs, hidden files.
bool is_incidental(const fs::path& path) {
  std::string name = path.filename().string();
  std::string ext = path.extension().string();
  return name.empty() || name[0] == '.' || ext == ".md" || ext == ".txt" || ext == ".rnc" || ext == ".dtd" || ext == ".yaml" ||
         ext == ".yml" || name.rfind("LICENSE", 0) == 0 || name.rfind("README", 0) == 0;
}

}  // namespace

std::vector<Input> plan_inputs(const std::vector<std::string>& paths, Format forced, RecordSink& sink) {
  std::vector<Input> out;
  for (const auto& p : paths) {
    fs::path path(p);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      sink.reject({p, 0, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(path, ec) || sniff_format(p) == Format::s2and) {
      add_input(path, forced == Format::automatic && fs::is_directory(path, ec) ? Format::s2and : forced, out, sink);
      continue;
    }
    // Walk the directory; S2AND dataset folders are taken whole.
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_directory(ec) && sniff_format(it->path().string()) == Format::s2and) {
        files.push_back(it->path());
        it.disable_recursion_pending();
      } else if (it->is_regular_file(ec) && !is_incidental(it->path())) {
        // An S2AND folder's own files were taken with the folder.
        if (fs::exists(it->path().parent_path() / "signatures.json")) continue;
        files.push_back(it->path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_input(f, forced, out, sink);
  }
  return out;
}

void read_input(const Input& input, RecordSink& sink) {
  switch (input.format) {
    case Format::arxiv: read_arxiv(input.path, sink); break;
    case Format::arxiv_oai:
      if (holds_xml(input.path)) read_arxiv_oai_xml(input.path, sink);
      else read_arxiv_oai_json(input.path, sink);
      break;
    case Format::openalex: read_openalex(input.path, sink); break;
    case Format::acl: read_acl(input.path, sink); break;
    case Format::dblp: read_dblp(input.path, sink); break;
    case Format::s2and: read_s2and(input.path, sink); break;
    default: sink.reject({input.path, 0, "unrecognised format"}); break;
  }
}

}  // namespace bzpeer::ingest

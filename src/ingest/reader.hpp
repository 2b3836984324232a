#pragma once
// The face of ingest: read source files of any supported format and hand each valid
// record to a sink; every bad record is reported with file:line and a reason.
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "model/work.hpp"

namespace bzpeer::ingest {

// arxiv_oai: arXiv's OAI-PMH records, as XML ListRecords responses or JSON-lines mirrors.
enum class Format { automatic, arxiv, arxiv_oai, openalex, acl, dblp, s2and };

// Parses "auto", "arxiv", "arxiv-oai", "openalex", "acl", "dblp", "s2and".
Result<Format> parse_format(const std::string& name);

struct Issue {
  std::string file;
  std::uint64_t line = 0;  // 0 when the problem is about the whole file
  std::string reason;
};

// Receives records as they are read. `accept` may keep the work (it is moved in).
class RecordSink {
 public:
  virtual ~RecordSink() = default;
  virtual void accept(model::Work&& work) = 0;
  virtual void reject(Issue issue) = 0;
  // Called by readers after every so many bytes so a caller can show progress.
  virtual void progress(std::uint64_t bytes_done) { (void)bytes_done; }
};

// One file (or, for S2AND, one dataset directory) to read, with its format settled.
struct Input {
  std::string path;
  Format format = Format::automatic;
  std::uint64_t bytes = 0;
};

// Expands directories recursively and sniffs formats. Unreadable paths or unknown
// formats are reported to `sink` and left out.
std::vector<Input> plan_inputs(const std::vector<std::string>& paths, Format forced, RecordSink& sink);

// Reads one input, sending records and issues to `sink`.
void read_input(const Input& input, RecordSink& sink);

}  // namespace bzpeer::ingest

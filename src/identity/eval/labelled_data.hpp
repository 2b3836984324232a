#pragma once
// Labelled author-disambiguation datasets, loaded as evidence plus the true person of
// every signature. Labels never reach the evidence: an editor's id is the answer, not
// a clue. (These loaders read source formats through ingest's readers, the one place
// where identity looks at ingest: evaluation starts from source files.)
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/evidence.hpp"

namespace bzpeer::identity {

struct LabelledSet {
  std::string name;
  EvidenceSet evidence;
  std::vector<std::string> labels;  // the true person of each signature
};

// UFMG/LBD: a file or a directory of .txt files, one citation a line:
// citation_id;author_class_id;name;coauthors(,);title;venue;year.
Result<LabelledSet> load_ufmg(const std::string& path);
// S2AND: a dataset directory (papers.json may be missing: names and affiliations only).
Result<LabelledSet> load_s2and(const std::string& directory);
// ACL Anthology XML (a file or directory): the slots with an editor's <author id>.
Result<LabelledSet> load_acl(const std::string& path);

Result<LabelledSet> load_labelled(const std::string& format, const std::string& path);

}  // namespace bzpeer::identity

#pragma once
// Labelled author-disambiguation datasets, loaded as evidence plus the true person of
// every signature. Labels never reach the evidence: an editor's id is the answer, not
// a clue. (These loaders read source formats through ingest's readers, the one place
// where identity looks at ingest: evaluation starts from source files.)
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/evidence.hpp"
#include "identity/given_name_counts.hpp"

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

// Positive evidence the editors' ids cannot give: a name that never carries an <author id>
// anywhere in the Anthology is, by the editors' curation, one person. Up to `max_names`
// such names (2 to 30 papers each, chosen by a stable hash) with all their slots, labelled
// by the name. Used for training only; evaluation scores the editors' ids.
Result<LabelledSet> load_acl_single_person_names(const std::string& path, size_t max_names);

// A `gen-corpus` corpus (arXiv JSON lines) with its `PATH.truth.tsv`: every authorship,
// labelled with the generated person it stands for.
Result<LabelledSet> load_synthetic(const std::string& path);

// Given-name counts over every author of the ACL Anthology at `path`.
Result<GivenNameCounts> acl_given_name_counts(const std::string& path);

Result<LabelledSet> load_labelled(const std::string& format, const std::string& path);

}  // namespace bzpeer::identity

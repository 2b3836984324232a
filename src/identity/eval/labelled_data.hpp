#pragma once
// Labelled author-disambiguation datasets, loaded as evidence plus the true person of
// every signature. Labels never reach the evidence: an editor's id is the answer, not
// a clue. (These loaders read source formats through ingest's readers, the one place
// where identity looks at ingest: evaluation starts from source files.)
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "identity/evidence.hpp"
#include "identity/name_counts.hpp"

namespace bzpeer::identity {

struct LabelledSet {
  std::string name;
  EvidenceSet evidence;
  std::vector<std::string> labels;  // the true person of each signature
  // Train only on pairs printed in different name forms. A set sampled to show name
  // variants would otherwise also add same-name pairs, all of one person, and how many
  // people were sampled (a knob) would move the model's prior for a shared name.
  bool name_forms_only = false;
  // The first `known` signatures are confirmed records (a researcher's own works): they
  // constrain the clustering and are not scored.
  size_t known = 0;
};

// UFMG/LBD: a file or a directory of .txt files, one citation a line:
// citation_id;author_class_id;name;coauthors(,);title;venue;year.
// With `known_path`, that file's citations come first as confirmed records of their
// authors (the train fold as researchers' claimed works), and only `path` is scored.
Result<LabelledSet> load_ufmg(const std::string& path, const std::string& known_path = "");
// S2AND: a dataset directory (papers.json may be missing: names and affiliations only).
Result<LabelledSet> load_s2and(const std::string& directory);
// The ACL Anthology at `path` (XML files, with name_variants.yaml beside them) read once:
// its works, how many slots each printed name fills, and the printed names some slot's
// editor id tells apart. The training sets below all come from one reading.
struct AclAnthology {
  std::string path;
  std::vector<model::Work> works;
  std::map<std::string, size_t> slots;  // printed name -> slots
  std::set<std::string> curated;        // printed names the editors had to tell apart
};
Result<AclAnthology> read_acl_anthology(const std::string& path);

// ACL Anthology XML (a file or directory): the slots with an editor's <author id>.
Result<LabelledSet> load_acl(const std::string& path);
LabelledSet load_acl(const AclAnthology& acl);

// Positive evidence the editors' ids cannot give: a name that never carries an <author id>
// anywhere in the Anthology is, by the editors' curation, one person. Up to `max_names`
// such names (2 to 30 papers each, chosen by a stable hash) with all their slots, labelled
// by the name. Used for training only; evaluation scores the editors' ids.
LabelledSet load_acl_single_person_names(const AclAnthology& acl, size_t max_names);

// Name variants the editors mapped to one person: `name_variants.yaml` beside the XML
// lists, for each canonical name, the other forms it was printed in ("Steven Abney",
// "Steve Abney", "Steven P. Abney"). Up to `max_people` people without an <author id>
// whose papers use two or more of their forms, with all their slots, labelled by the
// canonical name. They teach the model that a nickname, a dropped middle name or
// initials can still be one person, which neither the ids nor the single names show.
// Used for training only, on its pairs of different forms (`name_forms_only`).
Result<LabelledSet> load_acl_name_variant_people(const AclAnthology& acl, size_t max_people);

// A `gen-corpus` corpus (arXiv JSON lines) with its `PATH.truth.tsv`: every authorship,
// labelled with the generated person it stands for.
Result<LabelledSet> load_synthetic(const std::string& path);

// The Han/Giles DBLP name sets: a file or a directory of them (labelled_han.cpp).
Result<LabelledSet> load_han(const std::string& path);

// OpenAlex works (JSON lines, API pages): the authorships with an ORCID iD, labelled by
// it, the iD hidden from the evidence (labelled_openalex.cpp).
Result<LabelledSet> load_openalex(const std::string& path);

Result<LabelledSet> load_labelled(const std::string& format, const std::string& path);

// `path` itself when it is a file, else the files below it ending in `ext`, sorted.
std::vector<std::string> files_with_extension(const std::string& path, const std::string& ext);

}  // namespace bzpeer::identity

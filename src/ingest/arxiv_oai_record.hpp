#pragma once
// What an arXiv OAI-PMH record says, in either of its metadata formats, made into a work:
// the one place that knows arXiv's conventions (the first date is the submission, the
// abstract's "Comment:" paragraph is not abstract, "doi:" identifiers, abs-page URLs).
#include <string>
#include <vector>

#include "model/work.hpp"

namespace bzpeer::ingest {

struct ArxivOaiRecord {
  std::string id;                     // "1507.06134" or "hep-th/9901001"
  std::vector<std::string> titles;
  std::vector<std::string> creators;  // "Last, First" (oai_dc) or built from keyname/forenames
  std::vector<std::string> subjects;  // oai_dc subject names ("Computer Science - Learning")
  std::vector<std::string> categories;  // arXiv format's codes ("cs.LG stat.ML")
  std::vector<std::string> descriptions;  // the abstract, then "Comment: ..."
  std::vector<std::string> dates;     // the first version's first
  std::vector<std::string> identifiers;  // abs URL, journal ref, "doi:..."
  std::string journal_ref, doi;       // arXiv format's own fields
};

model::Work work_of(const ArxivOaiRecord& record);

}  // namespace bzpeer::ingest

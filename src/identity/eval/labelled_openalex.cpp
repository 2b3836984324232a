// OpenAlex works as a labelled set: an authorship's ORCID iD is the person's own
// statement of who they are, so the authorships that carry one are the labelled
// signatures. The iD is the answer: it is taken out of the evidence (no feature or
// rule sees it), as is every other authorship's.
#include <filesystem>
#include <unordered_map>

#include "identity/eval/source_reading.hpp"

namespace bzpeer::identity {

Result<LabelledSet> load_openalex(const std::string& path) {
  if (!std::filesystem::exists(path)) return make_error(ErrorCode::not_found, path + ": no such file or directory");
  auto works = read_works(path, ingest::Format::openalex);
  std::unordered_map<const model::Authorship*, std::string> label_of;
  for (auto& w : works)
    for (auto& a : w.authors) {
      if (!a.orcid.empty()) label_of[&a] = "orcid:" + a.orcid;
      a.orcid.clear();
    }
  if (label_of.empty()) return make_error(ErrorCode::invalid_input, path + ": no authorship carries an ORCID iD");
  auto name = std::filesystem::path(path);
  if (name.filename().empty()) name = name.parent_path();
  auto set = labelled_slots(works, name.filename().string(), [&](const model::Authorship& a) {
    auto it = label_of.find(&a);
    return it == label_of.end() ? std::string() : it->second;
  });
  return set;
}

}  // namespace bzpeer::identity

#include "identity/eval/source_reading.hpp"

namespace bzpeer::identity {

// Every record the ingest reader accepts from `path` (rejected ones are left out).
std::vector<model::Work> read_works(const std::string& path, ingest::Format format) {
  struct Collect : ingest::RecordSink {
    std::vector<model::Work> works;
    void accept(model::Work&& w) override { works.push_back(std::move(w)); }
    void reject(ingest::Issue) override {}
  } sink;
  for (const auto& input : ingest::plan_inputs({path}, format, sink)) ingest::read_input(input, sink);
  return std::move(sink.works);
}


// The work as evidence, with every author in source order.
RawWork raw_work(const model::Work& w) {
  RawWork raw{w.title, w.abstract, w.venue, w.categories, w.year, {}, w.external_id, w.cited};
  for (const auto& a : w.authors) raw.authors.push_back({a.first, a.last, a.raw_name, a.affiliation, a.email, a.orcid, ""});
  return raw;
}

// The slots of `works` that `label_of` names a person for (an empty label leaves a slot
// out), as evidence with every work's words counted.
LabelledSet labelled_slots(const std::vector<model::Work>& works, std::string name,
                           const std::function<std::string(const model::Authorship&)>& label_of) {
  LabelledSet set;
  set.name = std::move(name);
  EvidenceBuilder builder;
  for (const auto& w : works) builder.count_text(w.title, w.abstract);
  for (const auto& w : works) {
    std::vector<size_t> picked;
    std::vector<std::string> labels;
    for (size_t i = 0; i < w.authors.size(); ++i)
      if (auto label = label_of(w.authors[i]); !label.empty()) {
        picked.push_back(i);
        labels.push_back(std::move(label));
      }
    if (picked.empty()) continue;
    builder.add_work(raw_work(w), picked);
    set.labels.insert(set.labels.end(), labels.begin(), labels.end());
  }
  set.evidence = builder.take();
  return set;
}

}  // namespace bzpeer::identity

#pragma once
// Small evidence sets for the identity tests: works by name, and a model whose weights
// are set by hand so a test can tell which evidence decided.
#include <string>
#include <vector>

#include "identity/evidence.hpp"
#include "identity/pair_model.hpp"

namespace bzpeer::testing {

using identity::EvidenceBuilder;
using identity::EvidenceSet;
using identity::PairModel;
using identity::RawWork;

// A work of 2020 by `authors` ("Given Family"); the first author carries `person` as
// a person id (an editor's id or a claim) when given.
inline RawWork work(const std::string& title, std::vector<std::string> authors, const std::string& person = "") {
  RawWork w;
  w.title = title;
  w.year = 2020;
  for (const auto& a : authors) w.authors.push_back({"", "", a, "", "", "", ""});
  w.authors[0].person_id = person;
  return w;
}

// A model that trusts only shared co-authors and text, with a fixed threshold.
inline PairModel simple_model() {
  PairModel m;
  m.weights[identity::kBias] = -3;
  m.weights[identity::kGivenConflict] = -6;
  m.weights[identity::kSharedCoauthorsLog] = 6;
  m.weights[identity::kTextCosine] = 8;
  m.threshold = 0.5;
  return m;
}

// The evidence of `works`, each work's first author a signature.
inline EvidenceSet first_author_evidence(const std::vector<RawWork>& works) {
  EvidenceBuilder b;
  for (const auto& w : works) b.count_text(w.title, "");
  for (const auto& w : works) b.add_work(w, {0});
  return b.take();
}

}  // namespace bzpeer::testing

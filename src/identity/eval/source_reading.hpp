#pragma once
// Labelled sets read from source files through ingest's readers: the works, and the
// slots of them that carry a label, as evidence.
#include <functional>
#include <string>
#include <vector>

#include "identity/eval/labelled_data.hpp"
#include "ingest/reader.hpp"

namespace bzpeer::identity {

// Every record the ingest reader accepts from `path` (rejected ones are left out).
std::vector<model::Work> read_works(const std::string& path, ingest::Format format);

// The work as evidence, with every author in source order.
RawWork raw_work(const model::Work& w);

// The slots of `works` that `label_of` names a person for (an empty label leaves a slot
// out), as evidence with every work's words counted.
LabelledSet labelled_slots(const std::vector<model::Work>& works, std::string name,
                           const std::function<std::string(const model::Authorship&)>& label_of);

}  // namespace bzpeer::identity

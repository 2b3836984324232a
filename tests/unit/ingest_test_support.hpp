#pragma once
// The ingest tests' sink: keeps every record and every issue it gets.
#include <vector>

#include "ingest/reader.hpp"
#include "test_support.hpp"

namespace bzpeer::testing {

struct CollectingSink : ingest::RecordSink {
  std::vector<model::Work> works;
  std::vector<ingest::Issue> issues;
  void accept(model::Work&& work) override { works.push_back(std::move(work)); }
  void reject(ingest::Issue issue) override { issues.push_back(std::move(issue)); }
};

}  // namespace bzpeer::testing

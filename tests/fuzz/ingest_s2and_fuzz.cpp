// An S2AND dataset folder (ingest/s2and_reader): the input's NUL-separated fields are its
// papers.json, signatures.json and clusters.json.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace bzpeer;
  auto parts = fuzz::fields(data, size, 3);
  auto dir = fuzz::write_scratch("s2and/fuzzset/papers.json", parts[0]);
  fuzz::write_scratch("s2and/fuzzset/signatures.json", parts[1]);
  fuzz::write_scratch("s2and/fuzzset/clusters.json", parts[2]);
  fuzz::CheckingSink sink;
  ingest::read_input({std::filesystem::path(dir).parent_path().string(), ingest::Format::s2and, size}, sink);
  return 0;
}

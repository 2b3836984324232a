// Any file, its format sniffed from its first records (ingest/sniff), as `bzpeer ingest` does.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace bzpeer;
  fuzz::CheckingSink sink;
  auto path = fuzz::write_scratch("input", {reinterpret_cast<const char*>(data), size});
  for (const auto& input : ingest::plan_inputs({path}, ingest::Format::automatic, sink)) ingest::read_input(input, sink);
  return 0;
}

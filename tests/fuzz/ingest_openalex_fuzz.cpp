// OpenAlex works, JSON lines (ingest/openalex_reader).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  bzpeer::fuzz::read_as({reinterpret_cast<const char*>(data), size}, "input.jsonl", bzpeer::ingest::Format::openalex);
  return 0;
}

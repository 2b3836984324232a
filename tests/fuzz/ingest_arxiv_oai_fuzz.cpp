// arXiv OAI-PMH records: an XML ListRecords response, or JSON lines (the reader picks by content).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  bzpeer::fuzz::read_as({reinterpret_cast<const char*>(data), size}, "input.xml", bzpeer::ingest::Format::arxiv_oai);
  return 0;
}

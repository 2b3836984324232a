// DBLP XML (ingest/dblp_reader): no entity from outside the DTD beside the dump may be read.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  bzpeer::fuzz::read_as({reinterpret_cast<const char*>(data), size}, "dblp.xml", bzpeer::ingest::Format::dblp);
  return 0;
}

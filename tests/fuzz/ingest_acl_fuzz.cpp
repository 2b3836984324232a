// ACL Anthology XML (ingest/acl_reader).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  bzpeer::fuzz::read_as({reinterpret_cast<const char*>(data), size}, "input.xml", bzpeer::ingest::Format::acl);
  return 0;
}

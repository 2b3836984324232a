// The labelled author-disambiguation sets `bzpeer eval identity` reads (identity/eval):
// the first byte picks UFMG's or Han's text format, the rest is the file.
#include "fuzz_support.hpp"
#include "identity/eval/labelled_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, size_t size) {
  using namespace bzpeer;
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  // Either loads or says why; an exception or a crash is the finding.
  if (data[0] & 1) (void)identity::load_han(fuzz::write_scratch("han/Fuzz Name.txt", bytes));
  else (void)identity::load_ufmg(fuzz::write_scratch("ufmg.txt", bytes));
  return 0;
}

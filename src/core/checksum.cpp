#include "core/checksum.hpp"

#include <zlib.h>

#include <algorithm>
#include <limits>

namespace bzpeer {

std::uint64_t crc32_of(std::uint64_t crc, const void* bytes, size_t size) {
  const auto* p = static_cast<const Bytef*>(bytes);
  while (size > 0) {  // zlib takes at most 4 GiB a call
    const auto chunk = static_cast<uInt>(std::min<size_t>(size, std::numeric_limits<uInt>::max()));
    crc = ::crc32(static_cast<uLong>(crc), p, chunk);
    p += chunk;
    size -= chunk;
  }
  return crc;
}

}  // namespace bzpeer

#pragma once
// CRC-32 (zlib's), for finding damaged files: the graph file's body, each index file.
#include <cstddef>
#include <cstdint>

namespace bzpeer {

// The CRC-32 of `bytes` continuing from `crc` (0 to start), for any size.
std::uint64_t crc32_of(std::uint64_t crc, const void* bytes, size_t size);

}  // namespace bzpeer

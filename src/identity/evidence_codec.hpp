#pragma once
// A work's evidence as bytes, so that a partitioned build reads each work's text once:
// one worker weighs it, the workers of every name block on it read the result. Fixed
// little-endian layout (the hosts of a build share it); decoding checks every length.
#include <optional>
#include <string>
#include <string_view>

#include "identity/evidence.hpp"

namespace bzpeer::identity {

std::string encode_work_evidence(const WorkEvidence& work);
// Nothing when the bytes are not an encoded work (truncated, or another layout).
std::optional<WorkEvidence> decode_work_evidence(std::string_view bytes);

}  // namespace bzpeer::identity

#pragma once
// Damage to an index's files is found before they are searched or updated: a build
// writes CHECKSUMS in each index directory (each file's size and CRC-32) when it is
// done with the directory; `serve` checks a directory before it first searches it and
// refuses a damaged one (503, the reason in its log); `build` checks the works index
// before updating it in place, and rebuilds it from the catalog when it fails. Xapian
// finds some damage itself, not all: bytes overwritten inside a block go unseen.
#include <string>

#include "core/result.hpp"

namespace bzpeer::search {

// Records every file under `dir` (but CHECKSUMS and Xapian's lock file).
Status write_checksums(const std::string& dir);

// Ok when every recorded file is there with its size and CRC-32 and nothing was added;
// else an error naming the first file that differs.
Status verify_checksums(const std::string& dir);

// verify_checksums, once a directory and build a process (the server's threads share the
// answer; a newer CHECKSUMS asks again).
Status verify_checksums_once(const std::string& dir);

}  // namespace bzpeer::search

#pragma once
// `bzpeer export`: the catalog as gzip-compressed JSON lines in the layout of the
// OpenAlex snapshot: OUT/works/, OUT/authors/ and OUT/topics/, each with part_NNN.gz
// files of at most `records_per_part` records and a `manifest` listing them with their
// counts. Streams: memory stays flat whatever the catalog's size.
#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "store/catalog.hpp"

namespace bzpeer::snapshot {

struct SnapshotStats {
  std::uint64_t works = 0, authors = 0, topics = 0, bytes = 0;
};

Result<SnapshotStats> write_snapshot(store::Catalog& catalog, const std::string& out_dir,
                                     std::uint64_t records_per_part = 100000);

}  // namespace bzpeer::snapshot

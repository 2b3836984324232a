#pragma once
// The layout of the search indexes, shared by the builder and the searcher: where each
// index lives, the term prefixes of each field and the value slots used for sorting,
// ranges and facets. Changing any of it means bumping kIndexSchema (a full re-index).
#include <cstdint>
#include <string>
#include <vector>
#include <xapian.h>

namespace bzpeer::search {

inline constexpr int kIndexSchema = 4;  // 2: abstracts without positions; 3: with them again (phrases); 4: every category in its slot

// The works index is split into shards built in parallel. Shard s holds the works whose
// id ≡ s + 1 (mod kWorkShards) under local docid (id - s - 1) / kWorkShards + 1, so that
// Xapian's interleaving of shards (global = (local - 1) * shards + s + 1) gives every
// work its own id as docid.
inline constexpr unsigned kWorkShards = 2;
inline unsigned shard_of(std::int64_t work_id) { return static_cast<unsigned>((work_id - 1) % kWorkShards); }
inline Xapian::docid local_docid(std::int64_t work_id) {
  return static_cast<Xapian::docid>((work_id - 1) / kWorkShards + 1);
}
std::string shard_path(const std::string& works_dir, unsigned shard);
// The works shards of `works_dir` as one database.
Xapian::Database open_works(const std::string& works_dir);

// Term prefixes (Xapian convention: upper case; X... for boolean filter terms).
namespace prefix {
inline constexpr const char* title = "S";
inline constexpr const char* author = "A";
inline constexpr const char* venue = "V";
inline constexpr const char* category = "K";
inline constexpr const char* affiliation = "I";
inline constexpr const char* topic = "T";
inline constexpr const char* work_id = "Q";     // one per work: author.id filters use it
inline constexpr const char* year = "XY";
inline constexpr const char* type = "XT";
inline constexpr const char* category_exact = "XK";
}  // namespace prefix

// Value slots of the works index.
namespace slot {
inline constexpr Xapian::valueno year = 0;      // sortable_serialise(year)
inline constexpr Xapian::valueno date = 1;      // "YYYY-MM-DD" (date-less works: "YYYY-01-01")
inline constexpr Xapian::valueno type = 2;
inline constexpr Xapian::valueno venue = 3;
inline constexpr Xapian::valueno category = 4;  // every category, joined by kListSeparator
// Researchers and topics indexes.
inline constexpr Xapian::valueno works_count = 0;  // sortable_serialise(works)
}  // namespace slot

// A slot that holds a list (categories): its items joined by this byte, and split again
// when counted, so that a facet counts a work under each of its categories.
inline constexpr char kListSeparator = '\x1f';
inline bool is_list_slot(Xapian::valueno s) { return s == slot::category; }
std::string join_list_value(const std::vector<std::string>& items);

// DATA/search/CURRENT names the live directory of each index; a build writes new
// directories and swaps CURRENT atomically, so a reader never sees a half-built index.
struct IndexPaths {
  std::string works, researchers, topics;
};

// Reads DATA/search/CURRENT; empty paths when no index was built.
IndexPaths current_index_paths(const std::string& data_dir);
// Writes CURRENT (through a temporary file and rename).
bool write_index_paths(const std::string& data_dir, const IndexPaths& paths);

// The stemmer and stemming strategy both sides agree on.
Xapian::Stem stemmer();

}  // namespace bzpeer::search

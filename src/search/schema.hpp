#pragma once
// The layout of the search indexes, shared by the builder and the searcher: where each
// index lives, the term prefixes of each field and the value slots used for sorting,
// ranges and facets. Changing any of it means bumping kIndexSchema (a full re-index).
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <xapian.h>

namespace bzpeer::search {

inline constexpr int kIndexSchema = 5;  // 2: abstracts without positions; 3: with them again (phrases); 4: every category in its slot; 5: shards describe themselves and carry their champion lists and spelling dictionary

// The works index is split into shards (`bzpeer build --search-shards N`), built in
// parallel and servable from other machines (xapian-tcpsrv). Shard s of N holds the works
// whose id ≡ s + 1 (mod N) under local docid (id - s - 1) / N + 1, so that Xapian's
// interleaving of shards (global = (local - 1) * N + s + 1) gives every work its own id
// as docid.
inline constexpr unsigned kDefaultWorkShards = 2;
inline constexpr unsigned kMaxWorkShards = 64;
struct ShardLayout {
  unsigned count = kDefaultWorkShards;
  unsigned shard_of(std::int64_t work_id) const { return static_cast<unsigned>((work_id - 1) % count); }
  Xapian::docid local_docid(std::int64_t work_id) const {
    return static_cast<Xapian::docid>((work_id - 1) / count + 1);
  }
  Xapian::docid global_docid(unsigned shard, Xapian::docid local) const { return (local - 1) * count + shard + 1; }
};
std::string shard_path(const std::string& works_dir, unsigned shard);

// What each works shard says about itself in its metadata, so that shards opened from
// anywhere can be checked to be of one index and in their places.
namespace meta {
inline constexpr const char* schema = "schema";
inline constexpr const char* works_revision = "works_revision";  // the catalog revision indexed
inline constexpr const char* shard = "shard";                    // "s/N"
inline constexpr const char* spelling = "spelling";              // the dictionary: "word\tcount\n"...
inline constexpr const char* champions = "champions";              // the champion lists (champions.hpp)
inline constexpr const char* champions_stamp = "champions_stamp";  // changes with every write of them
}  // namespace meta
std::string shard_label(unsigned shard, unsigned count);
// Parses "s/N"; nothing when it is not one.
std::optional<std::pair<unsigned, unsigned>> parse_shard_label(const std::string& label);

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

// A slot that holds a list (categories): its items joined by this byte. Xapian's own
// value counter counts each joined value, and the searcher splits them again, so that a
// facet counts a work under each of its categories (and runs on remote shards too).
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

#include "search/works_shards.hpp"

#include <charconv>
#include <filesystem>

#include "core/text.hpp"
#include "search/schema.hpp"

namespace bzpeer::search {

namespace {

// Checks that the shards are one index, each in its place, and combines them.
Result<WorksShards> combined(WorksShards shards) {
  const unsigned count = static_cast<unsigned>(shards.each.size());
  std::string schema;
  for (unsigned s = 0; s < count; ++s) {
    const Xapian::Database& shard = shards.each[s];
    auto label = parse_shard_label(shard.get_metadata(meta::shard));
    if (!label || label->second != count || label->first != s)
      return make_error(ErrorCode::invalid_input,
                        shards.names[s] + " is shard " + (label ? shard_label(label->first, label->second) : "?") +
                            ", not " + shard_label(s, count) + ": list the shards of one index in order");
    std::string its_schema = shard.get_metadata(meta::schema);
    if (its_schema != std::to_string(kIndexSchema))
      return make_error(ErrorCode::invalid_input, shards.names[s] + " has index schema " + its_schema + ", this build reads " +
                                                      std::to_string(kIndexSchema) + ": rebuild the index");
    shards.all.add_database(shard);
  }
  return shards;
}

}  // namespace

Result<std::vector<RemoteShard>> parse_shard_urls(const std::string& list) {
  std::vector<RemoteShard> out;
  for (const auto& url : text::split(list, ',')) {
    constexpr std::string_view scheme = "tcp://";
    auto colon = url.rfind(':');
    if (url.rfind(scheme, 0) != 0 || colon == std::string::npos || colon < scheme.size() + 1)
      return make_error(ErrorCode::invalid_input, "search shard '" + url + "': expected tcp://host:port");
    RemoteShard shard{url.substr(scheme.size(), colon - scheme.size()), 0};
    const char* first = url.data() + colon + 1;
    const char* last = url.data() + url.size();
    auto [end, ec] = std::from_chars(first, last, shard.port);
    if (ec != std::errc() || end != last || shard.port == 0 || shard.port > 65535)
      return make_error(ErrorCode::invalid_input, "search shard '" + url + "': the port must be 1 to 65535");
    out.push_back(std::move(shard));
  }
  if (out.empty() || out.size() > kMaxWorkShards)
    return make_error(ErrorCode::invalid_input, "--search: 1 to " + std::to_string(kMaxWorkShards) + " shard URLs");
  return out;
}

unsigned local_shard_count(const std::string& works_dir) {
  if (works_dir.empty() || !std::filesystem::exists(shard_path(works_dir, 0))) return 0;
  try {
    auto label = parse_shard_label(Xapian::Database(shard_path(works_dir, 0)).get_metadata(meta::shard));
    return label ? label->second : 0;
  } catch (const Xapian::Error&) {
    return 0;
  }
}

Result<WorksShards> open_local_shards(const std::string& works_dir) {
  unsigned count = local_shard_count(works_dir);
  if (count == 0) return make_error(ErrorCode::not_found, "no works index in " + works_dir);
  WorksShards shards;
  try {
    for (unsigned s = 0; s < count; ++s) {
      shards.names.push_back(shard_path(works_dir, s));
      shards.each.emplace_back(shards.names.back());
    }
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::not_found, "works index " + works_dir + ": " + e.get_msg());
  }
  return combined(std::move(shards));
}

Result<WorksShards> open_remote_shards(const std::vector<RemoteShard>& remote, unsigned timeout_ms) {
  WorksShards shards;
  for (const auto& r : remote) {
    shards.names.push_back(r.url());
    try {
      shards.each.push_back(Xapian::Remote::open(r.host, r.port, timeout_ms, timeout_ms));
    } catch (const Xapian::Error& e) {
      return make_error(ErrorCode::unavailable, "search shard " + r.url() + " is not answering: " + e.get_msg());
    }
  }
  try {
    return combined(std::move(shards));
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::unavailable, "search shards: " + e.get_msg());
  }
}

}  // namespace bzpeer::search

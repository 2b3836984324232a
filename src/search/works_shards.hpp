#pragma once
// The shards of the works index, opened where they are: from the build's directory, or
// from xapian-tcpsrv processes (`bzpeer serve --search tcp://host:port,...`). Either way
// each shard is kept on its own, for what it carries in its metadata (spelling
// dictionary, champion terms), and combined into one database that queries run on.
#include <string>
#include <vector>
#include <xapian.h>

#include "core/result.hpp"

namespace bzpeer::search {

struct RemoteShard {
  std::string host;
  unsigned port = 0;
  std::string url() const { return "tcp://" + host + ":" + std::to_string(port); }
};

// Parses "tcp://host:port,tcp://host:port" (shard 0 first).
Result<std::vector<RemoteShard>> parse_shard_urls(const std::string& list);

struct WorksShards {
  std::vector<Xapian::Database> each;  // shard s at s
  Xapian::Database all;
  std::vector<std::string> names;      // where each is, for messages
};

// The shards of the works index in `works_dir`.
Result<WorksShards> open_local_shards(const std::string& works_dir);
// The remote shards, each checked to be the shard its place says (its metadata "s/N").
// `timeout_ms` bounds every exchange with a shard: one that stops answering gives an
// error, never a hang.
Result<WorksShards> open_remote_shards(const std::vector<RemoteShard>& shards, unsigned timeout_ms);

// How many shards the works index in `works_dir` has (0 when there is none).
unsigned local_shard_count(const std::string& works_dir);

}  // namespace bzpeer::search

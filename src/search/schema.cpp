#include "search/schema.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace bzpeer::search {

namespace fs = std::filesystem;

IndexPaths current_index_paths(const std::string& data_dir) {
  IndexPaths paths;
  fs::path dir = fs::path(data_dir) / "search";
  std::ifstream in(dir / "CURRENT");
  std::string key, name;
  while (in >> key >> name) {
    std::string full = (dir / name).string();
    if (key == "works") paths.works = full;
    else if (key == "researchers") paths.researchers = full;
    else if (key == "topics") paths.topics = full;
  }
  return paths;
}

bool write_index_paths(const std::string& data_dir, const IndexPaths& paths) {
  fs::path dir = fs::path(data_dir) / "search";
  fs::path temp = dir / "CURRENT.tmp";
  {
    std::ofstream out(temp, std::ios::trunc);
    out << "works " << fs::path(paths.works).filename().string() << "\n"
        << "researchers " << fs::path(paths.researchers).filename().string() << "\n"
        << "topics " << fs::path(paths.topics).filename().string() << "\n";
    out.flush();
    if (!out) return false;
  }
  std::error_code ec;
  fs::rename(temp, dir / "CURRENT", ec);
  return !ec;
}

std::string shard_path(const std::string& works_dir, unsigned shard) {
  return (fs::path(works_dir) / ("shard-" + std::to_string(shard))).string();
}

std::string shard_label(unsigned shard, unsigned count) { return std::to_string(shard) + "/" + std::to_string(count); }

std::optional<std::pair<unsigned, unsigned>> parse_shard_label(const std::string& label) {
  unsigned shard = 0, count = 0;
  char end = 0;
  if (std::sscanf(label.c_str(), "%u/%u%c", &shard, &count, &end) != 2) return std::nullopt;
  if (count == 0 || count > kMaxWorkShards || shard >= count) return std::nullopt;
  return std::make_pair(shard, count);
}

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

std::string join_list_value(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += kListSeparator;
    out += item;
  }
  return out;
}

}  // namespace bzpeer::search

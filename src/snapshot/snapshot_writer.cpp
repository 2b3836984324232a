#include "snapshot/snapshot_writer.hpp"

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "snapshot/openalex_shape.hpp"

namespace bzpeer::snapshot {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// One entity's parts: a new gzip file every `per_part` records, then the manifest.
class PartWriter {
 public:
  PartWriter(fs::path dir, std::uint64_t per_part) : dir_(std::move(dir)), per_part_(per_part) {}
  ~PartWriter() { (void)close_part(); }  // after an error: finish() reports the rest

  Status write(const json& record) {
    if (!file_ || in_part_ == per_part_) {
      if (auto s = close_part(); !s) return s;
      char name[32];
      std::snprintf(name, sizeof name, "part_%03zu.gz", parts_.size());
      file_ = gzopen((dir_ / name).c_str(), "wb6");
      if (!file_) return make_error(ErrorCode::io, "cannot write " + (dir_ / name).string());
      parts_.emplace_back(name, 0);
      in_part_ = 0;
    }
    const std::string line = record.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    if (gzwrite(file_, line.data(), static_cast<unsigned>(line.size())) != static_cast<int>(line.size()))
      return make_error(ErrorCode::io, "cannot write " + (dir_ / parts_.back().first).string());
    ++in_part_;
    ++parts_.back().second;
    ++total_;
    return Ok{};
  }

  // Closes the last part and writes the manifest; returns the bytes written.
  Result<std::uint64_t> finish() {
    if (auto s = close_part(); !s) return s.error();
    json entries = json::array();
    std::uint64_t bytes = 0;
    for (const auto& [name, count] : parts_) {
      const auto size = fs::file_size(dir_ / name);
      bytes += size;
      entries.push_back({{"url", name}, {"meta", {{"content_length", size}, {"record_count", count}}}});
    }
    std::ofstream out(dir_ / "manifest");
    out << json{{"entries", entries}, {"meta", {{"content_length", bytes}, {"record_count", total_}}}}.dump(2) << "\n";
    if (!out) return make_error(ErrorCode::io, "cannot write " + (dir_ / "manifest").string());
    return bytes;
  }

  std::uint64_t total() const { return total_; }

 private:
  Status close_part() {
    if (!file_) return Ok{};
    const int rc = gzclose(file_);
    file_ = nullptr;
    if (rc != Z_OK) return make_error(ErrorCode::io, "cannot finish " + (dir_ / parts_.back().first).string());
    return Ok{};
  }

  fs::path dir_;
  std::uint64_t per_part_;
  gzFile file_ = nullptr;
  std::vector<std::pair<std::string, std::uint64_t>> parts_;
  std::uint64_t in_part_ = 0, total_ = 0;
};

// Works with their attributions, read in batches of consecutive ids.
Status write_works(store::Catalog& catalog, PartWriter& out) {
  Status failed = Ok{};
  std::vector<store::WorkSummary> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    std::unordered_map<std::int64_t, std::vector<store::AuthorshipAttribution>> by_work;
    auto attributions = catalog.reader().attributions_in_works(batch.front().id, batch.back().id);
    if (!attributions) {
      failed = attributions.error();
      batch.clear();
      return;
    }
    for (auto& a : *attributions) by_work[a.work_id].push_back(std::move(a));
    for (const auto& w : batch) {
      std::vector<store::AuthorshipAttribution> row(w.authors.size());
      for (auto& a : by_work[w.id])
        if (a.position >= 0 && static_cast<size_t>(a.position) < row.size()) row[static_cast<size_t>(a.position)] = a;
      if (failed) failed = out.write(work_record(w, row));
    }
    batch.clear();
  };
  Status read = catalog.index_source().for_each_work_since(0, [&](store::WorkSummary&& w) {
    if (!failed) return;  // (the rest is read but not written)
    batch.push_back(std::move(w));
    if (batch.size() == 2000) flush();
  });
  flush();
  return read ? failed : read;
}

// Researchers with their works and why each is theirs, one researcher at a time.
Status write_authors(store::Catalog& catalog, PartWriter& out) {
  std::unordered_map<model::ResearcherId, std::vector<std::string>> variants;
  Status read = catalog.index_source().for_each_name_variant(
      [&](model::ResearcherId r, const std::string& name) { variants[r].push_back(name); });
  if (!read) return read;
  Status failed = Ok{};
  model::ResearcherId current;
  std::vector<AuthorWork> works;
  auto flush = [&] {
    if (!current) return;
    if (failed) {
      auto profile = catalog.reader().profile(current);
      if (!profile)
        failed = profile.error();
      else if (*profile)
        failed = out.write(author_record(**profile, variants[current], works));
    }
    works.clear();
  };
  read = catalog.index_source().for_each_attribution_by_researcher([&](store::AuthorshipAttribution&& a) {
    if (a.researcher != current) {
      flush();
      current = a.researcher;
    }
    works.push_back({a.work_id, std::move(a.attribution)});
  });
  flush();
  return read ? failed : read;
}

}  // namespace

Result<SnapshotStats> write_snapshot(store::Catalog& catalog, const std::string& out_dir, std::uint64_t per_part) {
  SnapshotStats stats;
  struct Entity {
    const char* name;
    std::uint64_t SnapshotStats::*count;
    std::function<Status(PartWriter&)> write;
  };
  const Entity entities[] = {
      {"works", &SnapshotStats::works, [&](PartWriter& w) { return write_works(catalog, w); }},
      {"authors", &SnapshotStats::authors, [&](PartWriter& w) { return write_authors(catalog, w); }},
      {"topics", &SnapshotStats::topics, [&](PartWriter& w) {
         Status failed = Ok{};
         Status read = catalog.index_source().for_each_topic([&](model::TopicSummary&& t) {
           if (failed) failed = w.write(topic_record(t));
         });
         return read ? failed : read;
       }},
  };
  for (const auto& e : entities) {
    const fs::path dir = fs::path(out_dir) / e.name;
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir, ec);
    if (ec) return make_error(ErrorCode::io, "cannot create " + dir.string() + ": " + ec.message());
    PartWriter writer(dir, per_part);
    if (auto s = e.write(writer); !s) return s.error();
    auto bytes = writer.finish();
    if (!bytes) return bytes.error();
    stats.*e.count = writer.total();
    stats.bytes += *bytes;
  }
  return stats;
}

}  // namespace bzpeer::snapshot

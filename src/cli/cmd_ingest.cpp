// `bzpeer ingest`: read source files into the catalog, reporting bad records.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/batch_writer.hpp"
#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "core/progress.hpp"
#include "ingest/reader.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

namespace {

constexpr size_t kBatchSize = 5'000;
constexpr size_t kIssuesShown = 50;

// Collects records into batches of one transaction each; prints issues as they come.
class CatalogSink final : public ingest::RecordSink {
 public:
  CatalogSink(BatchWriter& writer, Progress& progress) : writer_(writer), progress_(progress) {}

  void accept(model::Work&& work) override {
    ++read_;
    batch_.push_back(std::move(work));
    if (batch_.size() >= kBatchSize) flush();
  }

  void reject(ingest::Issue issue) override {
    ++read_;
    ++skipped_;
    if (skipped_ <= kIssuesShown) {
      progress_.clear_line();
      std::fprintf(stderr, "skipped %s%s: %s\n", issue.file.c_str(),
                   issue.line ? (":" + std::to_string(issue.line)).c_str() : "", issue.reason.c_str());
    } else if (skipped_ == kIssuesShown + 1) {
      std::fprintf(stderr, "(further skipped records are counted, not listed)\n");
    }
  }

  void progress(std::uint64_t bytes) override { progress_.update(bytes_before_ + bytes); }

  void file_done(std::uint64_t bytes) {
    bytes_before_ += bytes;
    progress_.update(bytes_before_);
  }

  // Hands the pending batch to the writer; false once the store has failed.
  bool flush() {
    if (batch_.empty()) return !writer_.failed();
    std::vector<model::Work> full;
    full.reserve(kBatchSize);
    full.swap(batch_);
    return writer_.submit(std::move(full));
  }

  std::uint64_t read_ = 0, skipped_ = 0;

 private:
  BatchWriter& writer_;
  Progress& progress_;
  std::vector<model::Work> batch_;
  std::uint64_t bytes_before_ = 0;
};

}  // namespace

void add_ingest_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("ingest", "Read bibliographic records into the catalog (idempotent upsert)");
  auto place = std::make_shared<StorePlace>();
  auto format = std::make_shared<std::string>("auto");
  auto paths = std::make_shared<std::vector<std::string>>();
  add_store_options(cmd, *place, "Data directory");
  cmd->add_option("--format", *format, "auto, arxiv, arxiv-oai, openalex, acl, dblp or s2and")->capture_default_str();
  cmd->add_option("paths", *paths, "Files or directories (read recursively)")->required();
  cmd->callback([=, &exit_code] {
    auto parsed_format = ingest::parse_format(*format);
    if (!parsed_format) {
      std::fprintf(stderr, "bzpeer ingest: %s\n", parsed_format.error().message.c_str());
      exit_code = 2;
      return;
    }
    auto catalog = store::open_catalog(place->catalog_location());
    if (!catalog) {
      std::fprintf(stderr, "bzpeer ingest: %s\n", catalog.error().message.c_str());
      exit_code = 1;
      return;
    }
    auto start = std::chrono::steady_clock::now();
    Progress progress("ingest (bytes)");
    BatchWriter writer((*catalog)->writer());
    CatalogSink sink(writer, progress);
    auto inputs = ingest::plan_inputs(*paths, *parsed_format, sink);
    std::uint64_t total_bytes = 0;
    for (const auto& input : inputs) total_bytes += input.bytes;
    progress.set_total(total_bytes);
    for (const auto& input : inputs) {
      ingest::read_input(input, sink);
      sink.file_done(input.bytes);
      if (writer.failed()) break;
    }
    sink.flush();
    store::UpsertCounts totals = writer.finish();
    progress.finish();
    if (writer.failed()) std::fprintf(stderr, "bzpeer ingest: store error: %s\n", writer.error().c_str());
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("ingest: %zu input(s), read %llu, new %llu, updated %llu, unchanged %llu, skipped %llu in %.2fs (%.0f records/s)\n",
                inputs.size(), static_cast<unsigned long long>(sink.read_),
                static_cast<unsigned long long>(totals.inserted),
                static_cast<unsigned long long>(totals.updated),
                static_cast<unsigned long long>(totals.unchanged),
                static_cast<unsigned long long>(sink.skipped_), seconds,
                seconds > 0 ? static_cast<double>(sink.read_) / seconds : 0.0);
    if (writer.failed()) exit_code = 1;
    // A file named on the command line that was not read at all is an error for scripts.
    for (const auto& named : *paths) {
      std::error_code ec;
      if (!std::filesystem::is_regular_file(named, ec)) continue;
      bool read = std::any_of(inputs.begin(), inputs.end(), [&](const auto& in) { return in.path == named; });
      if (!read) {
        std::fprintf(stderr, "bzpeer ingest: %s was not read (see above)\n", named.c_str());
        exit_code = 2;
      }
    }
  });
}

}  // namespace bzpeer::cli

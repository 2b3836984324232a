// `bzpeer export`: the catalog as an OpenAlex-shaped snapshot of gzip JSON lines.
#include <chrono>
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "snapshot/snapshot_writer.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

void add_export_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "Write works, authors (with attributions) and topics as gzip JSON lines, "
                                           "in the OpenAlex snapshot's layout");
  auto place = std::make_shared<StorePlace>();
  auto out = std::make_shared<std::string>();
  auto per_part = std::make_shared<std::uint64_t>(100000);
  add_store_options(cmd, *place, "Data directory of a built catalog");
  cmd->add_option("out", *out, "Folder to write works/, authors/ and topics/ into")->required();
  cmd->add_option("--records-per-part", *per_part, "Records per part_NNN.gz file")->capture_default_str()->check(CLI::PositiveNumber);
  cmd->callback([=, &exit_code] {
    auto catalog = store::open_catalog(place->catalog_location(), /*read_only=*/true);
    if (!catalog) {
      std::fprintf(stderr, "bzpeer export: %s\n", catalog.error().message.c_str());
      exit_code = 1;
      return;
    }
    auto start = std::chrono::steady_clock::now();
    auto stats = snapshot::write_snapshot(**catalog, *out, *per_part);
    if (!stats) {
      std::fprintf(stderr, "bzpeer export: %s\n", stats.error().message.c_str());
      exit_code = 1;
      return;
    }
    std::printf("export: %llu works, %llu authors, %llu topics, %.1f MiB in %.2fs into %s\n",
                static_cast<unsigned long long>(stats->works), static_cast<unsigned long long>(stats->authors),
                static_cast<unsigned long long>(stats->topics), static_cast<double>(stats->bytes) / (1024.0 * 1024.0),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), out->c_str());
  });
}

}  // namespace bzpeer::cli

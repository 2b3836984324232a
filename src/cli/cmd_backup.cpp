// `bzpeer backup --data DIR OUT`: a consistent copy of the SQLite catalog (and the
// accounts in it) while servers run.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "store/catalog.hpp"

namespace bzpeer::cli {

void add_backup_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "backup", "Copy the catalog and accounts to a new SQLite file while servers run (restore: put it back as "
                "DATA/catalog.sqlite, then `bzpeer build`)");
  auto place = std::make_shared<StorePlace>();
  auto out = std::make_shared<std::string>();
  add_store_options(cmd, *place);
  cmd->add_option("out", *out, "The new file")->required();
  cmd->callback([=, &exit_code] {
    if (auto done = store::backup_catalog(place->catalog_location(), *out); !done) {
      std::fprintf(stderr, "bzpeer backup: %s\n", done.error().message.c_str());
      exit_code = 1;
      return;
    }
    std::printf("backup: %s\n", out->c_str());
  });
}

}  // namespace bzpeer::cli

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // summaries appear as they happen, even in logs
  CLI::App app{"BZPEER: research discovery from public bibliographic records"};
  app.require_subcommand(1);
  int exit_code = 0;
  bzpeer::cli::add_ingest_command(app, exit_code);
  bzpeer::cli::add_build_command(app, exit_code);
  bzpeer::cli::add_serve_command(app, exit_code);
  bzpeer::cli::add_identity_commands(app, exit_code);
  bzpeer::cli::add_search_command(app, exit_code);
  bzpeer::cli::add_accounts_command(app, exit_code);
  bzpeer::cli::add_feed_commands(app, exit_code);
  bzpeer::cli::add_export_command(app, exit_code);
  bzpeer::cli::add_backup_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bzpeer: %s\n", e.what());
    return 1;
  }
  return exit_code;
}

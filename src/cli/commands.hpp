#pragma once
// One function per subcommand: each registers its options on the CLI11 app and
// returns the callback's exit status through `exit_code`.
#include <CLI/CLI.hpp>

namespace bzpeer::cli {

void add_ingest_command(CLI::App& app, int& exit_code);
void add_build_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);
void add_identity_commands(CLI::App& app, int& exit_code);
void add_search_command(CLI::App& app, int& exit_code);
void add_accounts_command(CLI::App& app, int& exit_code);
void add_feed_commands(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_backup_command(CLI::App& app, int& exit_code);

}  // namespace bzpeer::cli

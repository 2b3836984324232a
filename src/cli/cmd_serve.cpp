// `bzpeer serve`: pages and the JSON API on a built catalog.
#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "http/server.hpp"

namespace bzpeer::cli {

void add_serve_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("serve", "Serve researcher profiles and the JSON API");
  auto options = std::make_shared<http::ServerOptions>();
  cmd->add_option("--port", options->port, "Port (0 picks a free one)")->capture_default_str();
  cmd->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--data", options->data_dir, "Data directory")->capture_default_str();
  add_catalog_option(cmd, options->catalog);
  cmd->add_option("--public-url", options->public_url, "Address users reach, for links in mails (default http://HOST:PORT)");
  cmd->add_option("--smtp", options->smtp_url,
                  "Send mail through this SMTP server (smtp://host:port, STARTTLS when offered; smtps://host:port); "
                  "credentials from BZPEER_SMTP_USER and BZPEER_SMTP_PASSWORD, sender BZPEER_SMTP_FROM. "
                  "Default: files in DATA/outbox");
  cmd->add_option("--threads", options->threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 256));
  cmd->add_option("--request-timeout", options->connections.request_seconds,
                  "Seconds a connection may take to send its request")
      ->capture_default_str()
      ->check(CLI::Range(1, 600));
  cmd->add_option("--connections-per-client", options->connections.per_client,
                  "Open connections allowed from one address")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--search", options->search_shards,
                  "The works index's shards on xapian-tcpsrv, shard 0 first: tcp://host:port,tcp://host:port "
                  "(default: the index under --data)");
  cmd->add_option("--search-timeout", options->search_timeout_ms,
                  "Milliseconds a remote search shard may take to answer before a search fails as unavailable")
      ->capture_default_str()
      ->check(CLI::Range(50, 600000));
  cmd->callback([=, &exit_code] {
    exit_code = http::run_server(*options, [&](int port) {
      std::printf("bzpeer: serving %s on http://%s:%d/\n", options->data_dir.c_str(), options->host.c_str(), port);
      std::fflush(stdout);
    });
  });
}

}  // namespace bzpeer::cli

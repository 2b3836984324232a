// `bzpeer accounts`: operator tasks on accounts (there is no page to make the first
// moderator, by design).
#include <cstdio>
#include <ctime>

#include "cli/commands.hpp"
#include "cli/store_options.hpp"
#include "store/account_store.hpp"

namespace bzpeer::cli {

void add_accounts_command(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("accounts", "Operator tasks on accounts");
  cmd->require_subcommand(1);
  auto* promote = cmd->add_subcommand("make-moderator", "Give an account the moderator role");
  auto place = std::make_shared<StorePlace>();
  auto email = std::make_shared<std::string>();
  add_store_options(promote, *place);
  promote->add_option("email", *email, "The account's email")->required();
  promote->callback([=, &exit_code] {
    auto store = store::open_account_store(place->catalog_location());
    if (!store) {
      std::fprintf(stderr, "bzpeer accounts: %s\n", store.error().message.c_str());
      exit_code = 1;
      return;
    }
    auto account = (*store)->account_by_email(*email);
    if (!account) {
      std::fprintf(stderr, "bzpeer accounts: no account with email %s\n", email->c_str());
      exit_code = 1;
      return;
    }
    if (auto s = (*store)->set_role(account->id, model::Role::moderator); !s) {
      std::fprintf(stderr, "bzpeer accounts: %s\n", s.error().message.c_str());
      exit_code = 1;
      return;
    }
    (void)(*store)->audit({static_cast<std::int64_t>(std::time(nullptr)), account->id, "role.moderator", "account " + std::to_string(account->id.value()), "by the operator"});
    std::printf("%s is now a moderator\n", email->c_str());
  });
}

}  // namespace bzpeer::cli

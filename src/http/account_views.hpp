#pragma once
// Pages of the account workflows: forms (sign up, log in, reset), the account page and
// a conversation.
#include <string>
#include <vector>

#include <functional>
#include <optional>

#include "model/account.hpp"

namespace bzpeer::http {

struct FormField {
  std::string label, name, type = "text", value, autocomplete = "off";
  bool required = true;
  int max = 200;
};

struct FormPage {
  std::string title, heading, intro, error, notice, action, submit, csrf_token;
  std::vector<FormField> fields;
  std::vector<std::pair<std::string, std::string>> hidden;  // name, value
  std::vector<std::pair<std::string, std::string>> links;   // href, text
};

std::string render_form_page(const FormPage& page);
// What the account page shows; `name_of` gives a researcher's name for the claimed
// record and the followed ones.
struct AccountPageView {
  const model::Account* account = nullptr;
  std::string csrf_token;
  std::optional<model::Claim> claim;
  std::vector<std::string> following;
  std::vector<model::Conversation> conversations;
  std::vector<model::Notification> notifications;  // newest first
  std::function<std::string(model::ResearcherId)> name_of;
};
std::string render_account_page(const AccountPageView& v);
std::string render_conversation_page(const model::Conversation& c, model::AccountId viewer, const std::string& csrf_token,
                                     const std::string& error);

}  // namespace bzpeer::http

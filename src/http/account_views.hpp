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
// `name_of` gives a researcher's name for the claimed record and the followed ones.
std::string render_account_page(const model::Account& account, const std::string& csrf_token,
                                const std::optional<model::Claim>& claim, const std::vector<std::string>& following,
                                const std::vector<model::Conversation>& conversations,
                                const std::function<std::string(model::ResearcherId)>& name_of);
std::string render_conversation_page(const model::Conversation& c, model::AccountId viewer, const std::string& csrf_token,
                                     const std::string& error);

}  // namespace bzpeer::http

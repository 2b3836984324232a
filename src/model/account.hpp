#pragma once
// People who signed up, and what they do with researcher records: claims, disputes,
// conversations. Plain values; the rules live in src/accounts.
#include <cstdint>
#include <string>
#include <vector>

#include "model/researcher.hpp"
#include "model/states.hpp"

namespace bzpeer::model {


struct Account {
  AccountId id;
  std::string email, display_name, orcid;
  Role role = Role::member;
  bool email_verified = false;
  std::int64_t created_at = 0;
};

// What a reader said about a work in their feed.
struct WorkMark {
  std::int64_t work = 0;
  FeedMark mark = FeedMark::saved;
  std::int64_t at = 0;
};

// Something that happened to an account's conversations or claims: shown on its
// account page, and mailed.
struct Notification {
  std::int64_t id = 0;
  std::string kind;  // "invitation", "reply", "answer", "dispute", "claim"
  std::string text;  // one sentence, plain text
  std::string link;  // a path on the site ("/conversations/3")
  std::int64_t at = 0;
  bool read = false;
};

struct Claim {
  ResearcherId researcher;
  AccountId account;
  VerificationLevel level = VerificationLevel::L2;  // L2, L3 or L4: a claim is never L1
  std::string evidence;  // why the level: "verified email", "ORCID on 3 source records", ...
  bool open_to_collaborate = true;
  std::int64_t created_at = 0;
};

struct Dispute {
  std::int64_t id = 0;
  ResearcherId researcher;
  AccountId claimant;
  std::string status = "open";  // open, upheld (claimant takes over), rejected
  std::string resolution;
};

struct Message {
  std::int64_t id = 0;
  AccountId sender;
  std::string sender_name, body;
  std::int64_t created_at = 0;
};

struct Conversation {
  std::int64_t id = 0;
  ResearcherId researcher;
  AccountId researcher_account;  // the account that claimed the researcher
  AccountId initiator;
  std::string initiator_name, researcher_name, subject;
  std::string status = "invited";  // invited, accepted, declined
  std::int64_t created_at = 0;
  std::vector<Message> messages;
};

struct Report {
  std::int64_t id = 0;
  AccountId reporter;
  std::string target;  // "conversation:12", "account:3"
  std::string reason, status = "open";
  std::int64_t created_at = 0;
};

struct WorkCorrection {
  ResearcherId researcher;
  std::int64_t work_id = 0;
  CorrectionAction action = CorrectionAction::confirm;
};

}  // namespace bzpeer::model

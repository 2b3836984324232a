// Direct collaboration and moderation over JSON. Only the two parties see a
// conversation; anyone else gets 404, as if it did not exist.
#include <nlohmann/json.hpp>

#include "http/account_http.hpp"
#include "http/json_views.hpp"
#include "http/routes.hpp"

namespace bzpeer::http {

namespace {

using nlohmann::json;

json conversation_json(const model::Conversation& c, bool with_messages) {
  json out = {{"id", c.id},
              {"researcher_id", model::format_researcher_id(c.researcher)},
              {"researcher_name", c.researcher_name},
              {"initiator_name", c.initiator_name},
              {"subject", c.subject},
              {"status", c.status},
              {"created_at", c.created_at}};
  if (with_messages) {
    json messages = json::array();
    for (const auto& m : c.messages)
      messages.push_back({{"id", m.id}, {"sender_name", m.sender_name}, {"body", m.body}, {"created_at", m.created_at}});
    out["messages"] = messages;
  }
  return out;
}

std::int64_t id_of(const std::string& digits) { return digits.size() > 15 ? -1 : std::stoll(digits); }

void handle_start_conversation_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  auto researcher = existing_researcher(string_field(*body, "researcher_id"), catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  auto id = accounts.invite(session->account, *researcher, string_field(*body, "subject"), string_field(*body, "message"));
  if (!id) return send_error(res, id.error());
  send_json(res, 201, json{{"id", *id}, {"status", "invited"}});
}

void handle_conversations_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, false);
  if (!session) return;
  json results = json::array();
  for (const auto& c : accounts.conversations(session->account)) results.push_back(conversation_json(c, false));
  send_json(res, 200, json{{"meta", {{"count", results.size()}}}, {"results", results}});
}

void handle_conversation_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, false);
  if (!session) return;
  auto c = accounts.conversation(session->account, id_of(req.matches[1]));
  if (!c) return send_error(res, c.error());
  send_json(res, 200, conversation_json(*c, true));
}

void handle_send_message_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  if (auto s = accounts.reply(session->account, id_of(req.matches[1]), string_field(*body, "message")); !s) return send_error(res, s.error());
  send_json(res, 201, json{{"message", "sent"}});
}

void handle_answer_conversation_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  std::int64_t id = id_of(req.matches[1]);
  std::string action = req.matches[2];
  auto s = action == "block" ? accounts.block(session->account, id) : accounts.respond(session->account, id, action == "accept");
  if (!s) return send_error(res, s.error());
  auto c = accounts.conversation(session->account, id);
  send_json(res, 200, json{{"id", id}, {"status", c ? c->status : action}});
}

void handle_report_conversation_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  auto report = accounts.report(session->account, id_of(req.matches[1]), string_field(*body, "reason"));
  if (!report) return send_error(res, report.error());
  send_json(res, 201, json{{"report_id", *report}});
}

void handle_moderation_queue_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, false);
  if (!session) return;
  auto queue = accounts.moderation_queue(session->account);
  if (!queue) return send_error(res, queue.error());
  json disputes = json::array(), reports = json::array(), audit = json::array();
  for (const auto& d : queue->disputes)
    disputes.push_back({{"id", d.id}, {"researcher_id", model::format_researcher_id(d.researcher)}, {"claimant_account_id", d.claimant.value()}});
  for (const auto& r : queue->reports)
    reports.push_back({{"id", r.id}, {"target", r.target}, {"reason", r.reason}, {"reporter_account_id", r.reporter.value()}});
  for (const auto& e : queue->audit)
    audit.push_back({{"at", e.at}, {"actor_account_id", e.actor.value()}, {"action", e.action}, {"subject", e.subject}, {"detail", e.detail}});
  send_json(res, 200, json{{"disputes", disputes}, {"reports", reports}, {"audit_log", audit}});
}

void handle_resolve_dispute_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  std::string decision = string_field(*body, "decision");
  if (decision != "uphold" && decision != "reject") return send_json_error(res, 400, "decision: uphold or reject");
  if (auto s = accounts.resolve_dispute(session->account, id_of(req.matches[1]), decision == "uphold", string_field(*body, "note")); !s)
    return send_error(res, s.error());
  send_json(res, 200, json{{"dispute_id", id_of(req.matches[1])}, {"decision", decision}});
}

void handle_review_researcher_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& catalogs = deps.catalogs;
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto researcher = existing_researcher(req.matches[1], catalogs.reader());
  if (!researcher) return send_error(res, researcher.error());
  if (auto s = accounts.review_claim(session->account, *researcher); !s) return send_error(res, s.error());
  send_json(res, 200, json{{"researcher_id", model::format_researcher_id(*researcher)}, {"verification_level", model::name(model::VerificationLevel::L4)}});
}

void handle_resolve_report_api(const httplib::Request& req, httplib::Response& res, Deps& deps) {
  auto& accounts = deps.accounts;
  auto session = require_session(req, res, accounts, true);
  if (!session) return;
  auto body = json_body(req);
  if (!body) return send_error(res, body.error());
  if (auto s = accounts.close_report(session->account, id_of(req.matches[1]), string_field(*body, "action")); !s)
    return send_error(res, s.error());
  send_json(res, 200, json{{"report_id", id_of(req.matches[1])}, {"action", string_field(*body, "action")}});
}

}  // namespace

std::vector<Route> conversation_api_routes() {
  return {
      {Method::post, "/api/v1/conversations", handle_start_conversation_api},
      {Method::get, "/api/v1/conversations", handle_conversations_api},
      {Method::get, R"(/api/v1/conversations/(\d+))", handle_conversation_api},
      {Method::post, R"(/api/v1/conversations/(\d+)/messages)", handle_send_message_api},
      {Method::post, R"(/api/v1/conversations/(\d+)/(accept|decline|block))", handle_answer_conversation_api},
      {Method::post, R"(/api/v1/conversations/(\d+)/report)", handle_report_conversation_api},
      {Method::get, "/api/v1/moderation/queue", handle_moderation_queue_api},
      {Method::post, R"(/api/v1/moderation/disputes/(\d+))", handle_resolve_dispute_api},
      {Method::post, R"(/api/v1/moderation/researchers/([^/]+)/review)", handle_review_researcher_api},
      {Method::post, R"(/api/v1/moderation/reports/(\d+))", handle_resolve_report_api},
  };
}

}  // namespace bzpeer::http

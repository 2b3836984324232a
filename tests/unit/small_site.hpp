#pragma once
// A small built site for the tests that call the route table without a socket (the HTTP
// unit tests and the http_request fuzz target): three works by Ann, Bob and Cid, their
// researchers (one a name), profiles, feed terms, search index and graph in `data`.
#include <httplib.h>

#include <string>
#include <vector>

#include "enrich/profile_pass.hpp"
#include "feed/work_terms_pass.hpp"
#include "graph/graph_builder.hpp"
#include "identity/disambiguator.hpp"
#include "identity/identity_pass.hpp"
#include "search/index_builder.hpp"
#include "store/catalog.hpp"

namespace bzpeer::testing {

inline model::Work small_site_work(const std::string& id, const std::string& title, std::vector<std::string> authors) {
  model::Work w;
  w.external_id = id;
  w.source = "test";
  w.type = "article";
  w.title = title;
  w.abstract = title + ": what we measured and what it shows.";
  w.venue = "ACL";
  w.year = 2021;
  w.date = "2021-05-01";
  for (size_t i = 0; i < authors.size(); ++i) {
    model::Authorship a;
    a.position = static_cast<int>(i);
    a.raw_name = authors[i];
    w.authors.push_back(a);
  }
  return w;
}

// Ann and Bob wrote w1, Ann w2, Bob and Cid w3. Returns the first step that failed.
inline Status build_small_site(const std::string& data) {
  auto catalog = store::open_catalog(data);
  if (!catalog) return catalog.error();
  auto stored = (*catalog)->writer().upsert_works(
      {small_site_work("w1", "Parsing with neural grammars", {"Ann Ant", "Bob Bee"}),
       small_site_work("w2", "Grammar induction from raw text", {"Ann Ant"}),
       small_site_work("w3", "Speech tagging for small languages", {"Bob Bee", "Cid Cat"})});
  if (!stored) return stored.error();
  auto names = identity::make_name_key_disambiguator();
  if (auto done = identity::run_identity((*catalog)->identity(), *names); !done) return done.error();
  if (auto done = enrich::run_enrich((*catalog)->profiles()); !done) return done.error();
  auto revision = (*catalog)->index_source().works_revision();
  if (!revision) return revision.error();
  if (auto done = feed::update_work_terms((*catalog)->features(), *revision); !done) return done.error();
  if (auto done = search::build_search_index((*catalog)->index_source(), data); !done) return done.error();
  if (auto done = graph::build_graph((*catalog)->index_source(), data + "/graph.bin"); !done) return done.error();
  return Ok{};
}

// A request as the server hands it to a route: the target's path and query parameters
// split, and (as httplib does before routing) a form body's fields among them.
inline httplib::Request site_request(const std::string& method, const std::string& target, const std::string& body,
                                     httplib::Headers headers) {
  httplib::Request req;
  req.method = method;
  const size_t q = target.find('?');
  req.path = target.substr(0, q);
  if (q != std::string::npos) httplib::detail::parse_query_text(target.substr(q + 1), req.params);
  req.body = body;
  req.headers = std::move(headers);
  if (req.get_header_value("Content-Type") == "application/x-www-form-urlencoded")
    httplib::detail::parse_query_text(body, req.params);
  req.remote_addr = "127.0.0.1";
  return req;
}

}  // namespace bzpeer::testing

#pragma once
// The page templates (ui/templates, embedded in the binary) and helpers every page view
// shares. Mustache escapes every {{value}}; only {{{triple}}} values are raw HTML, and
// those are built by us from escaped parts.
#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/researcher.hpp"

namespace bzpeer::http {

using kainjow::mustache::data;

// Generated from ui/: path -> content.
const std::map<std::string, std::string>& embedded_ui();

// Renders `body_template` with `body` inside the layout; `search_text` pre-fills the
// search box of the top bar.
std::string render_in_layout(const std::string& body_template, data& body, const std::string& title,
                             const std::string& search_text = "");

// Percent-encodes a query value (Mustache then HTML-escapes the result).
std::string url_encode(const std::string& value);

// Where a work's title links: its URL, else its DOI resolver, and only over http(s):
// a source's "javascript:" link must not become a click. Empty when there is none.
std::string work_link(const std::string& url, const std::string& doi);

// Where each entity's page is.
std::string work_href(std::int64_t id);
std::string topic_href(const std::string& topic_id);  // "topic:..." or "field:..."
std::string institution_href(const std::string& name);

// What the entries of a named list link to: each kind of id has its page.
enum class Links { none, researchers, works, topics, institutions };
// [{name, count, via?, href?}] for Mustache.
data named_list(const std::vector<model::NamedCount>& items, Links links);

// The badge for how firmly identity tied a work to a researcher (store::Attribution);
// empty for a researcher's only work, where there is nothing to weigh.
std::string strength_label(std::optional<model::AttributionStrength> strength);
// Its name, the CSS class of its badge ("" for none).
std::string strength_class(std::optional<model::AttributionStrength> strength);

// "1 work", "3 works", "50,494 works".
std::string plural(int n, const std::string& word);
// "50,494": digits grouped by thousands.
std::string grouped(long long n);

}  // namespace bzpeer::http

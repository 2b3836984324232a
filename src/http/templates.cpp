#include "http/templates.hpp"

#include "http/viewer.hpp"

#include <cctype>
#include <memory>
#include <stdexcept>

namespace bzpeer::http {

namespace {

using kainjow::mustache::mustache;

// Parsed templates, one set per thread (kainjow's render is not const).
mustache& template_named(const std::string& name) {
  thread_local std::map<std::string, std::unique_ptr<mustache>> cache;
  auto& slot = cache[name];
  if (!slot) {
    const auto& files = embedded_ui();
    auto it = files.find("templates/" + name + ".mustache");
    if (it == files.end()) throw std::logic_error("missing template " + name);
    slot = std::make_unique<mustache>(it->second);
    if (!slot->is_valid()) throw std::logic_error("template " + name + ": " + slot->error_message());
  }
  return *slot;
}

}  // namespace

std::string render_in_layout(const std::string& body_template, data& body, const std::string& title,
                             const std::string& search_text) {
  std::string body_html = template_named(body_template).render(body);
  data page;
  page.set("title", title);
  page.set("body", body_html);
  page.set("search_text", search_text);
  const Viewer& viewer = request_viewer();
  page.set("signed_in", viewer.signed_in);
  page.set("viewer_name", viewer.display_name);
  page.set("viewer_csrf", viewer.csrf_token);
  return template_named("layout").render(page);
}

std::string url_encode(const std::string& value) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

std::string grouped(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

std::string plural(int n, const std::string& word) { return grouped(n) + " " + word + (n == 1 ? "" : "s"); }

std::string work_link(const std::string& url, const std::string& doi) {
  std::string link = !url.empty() ? url : (!doi.empty() ? "https://doi.org/" + doi : "");
  return link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0 ? link : "";
}

std::string work_href(std::int64_t id) { return "/works/W" + std::to_string(id); }
std::string topic_href(const std::string& topic_id) { return "/topics/" + url_encode(topic_id); }
std::string institution_href(const std::string& name) { return "/institutions/" + url_encode("institution:" + name); }

namespace {
std::string href_of(const model::NamedCount& item, Links links) {
  switch (links) {
    case Links::researchers: return item.id.empty() ? "" : "/researchers/" + item.id;
    case Links::works: return item.id.empty() ? "" : work_href(model::parse_work_id(item.id));
    case Links::topics: return item.id.empty() ? "" : topic_href(item.id);
    case Links::institutions: return institution_href(item.name);
    case Links::none: break;
  }
  return "";
}
}  // namespace

data named_list(const std::vector<model::NamedCount>& items, Links links) {
  data list{data::type::list};
  for (const auto& item : items) {
    data entry;
    entry.set("name", item.name);
    entry.set("count", grouped(item.count));
    if (!item.via.empty()) entry.set("via", item.via);
    if (auto href = href_of(item, links); !href.empty()) entry.set("href", href);
    list.push_back(entry);
  }
  return list;
}

std::string strength_label(std::optional<model::AttributionStrength> strength) {
  if (!strength) return "";
  switch (*strength) {
    case model::AttributionStrength::confirmed: return "Confirmed";
    case model::AttributionStrength::strong: return "Strong evidence";
    case model::AttributionStrength::moderate: return "Moderate evidence";
    case model::AttributionStrength::weak: return "Weak evidence: worth checking";
    case model::AttributionStrength::alone: return "";  // nothing to compare it with: no badge
  }
  return "";
}

std::string strength_class(std::optional<model::AttributionStrength> strength) {
  return strength ? std::string(model::name(*strength)) : "";
}

}  // namespace bzpeer::http

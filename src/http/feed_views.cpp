#include "http/feed_views.hpp"

#include <cstdio>

#include "core/text.hpp"
#include "http/templates.hpp"
#include "model/researcher.hpp"

namespace bzpeer::http {

namespace {

constexpr size_t kAuthorsShown = 3;

const char* kind_name(feed::Reason::Kind k) {
  switch (k) {
    case feed::Reason::Kind::followed: return "followed";
    case feed::Reason::Kind::coauthor: return "coauthor";
    case feed::Reason::Kind::similar: return "similar";
    case feed::Reason::Kind::category: return "category";
    case feed::Reason::Kind::topic: return "topic";
  }
  return "similar";
}

std::string xml_escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        // XML 1.0 allows no control characters but tab and newlines.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        out += c;
    }
  }
  return out;
}

std::string first_category(const store::WorkSummary& w) { return w.categories.empty() ? "" : w.categories.front(); }

// Category and date, each only when there is one: Mustache opens a section for an
// empty string, and the page would show a dangling "·".
void set_meta(data& item, const store::WorkSummary& w);

}  // namespace

std::string short_category(const std::string& category) {
  auto dot = category.rfind('.');
  return dot == std::string::npos ? category : category.substr(dot + 1);
}

std::string display_date(const std::string& date, int year) {
  static const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int y = 0, m = 0, d = 0;
  int n = std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d);
  if (n >= 2 && m >= 1 && m <= 12) {
    char out[32];
    if (n == 3 && d >= 1 && d <= 31)
      std::snprintf(out, sizeof out, "%s %d, %d", months[m - 1], d, y);
    else
      std::snprintf(out, sizeof out, "%s %d", months[m - 1], y);
    return out;
  }
  return year > 0 ? std::to_string(year) : "";
}

namespace {
void set_meta(data& item, const store::WorkSummary& w) {
  if (std::string c = short_category(first_category(w)); !c.empty()) item.set("category", c);
  if (std::string d = display_date(w.date, w.year); !d.empty()) item.set("date", d);
}
}  // namespace

nlohmann::json feed_item_json(const feed::FeedItem& item) {
  const auto& w = item.work;
  nlohmann::json reasons = nlohmann::json::array();
  for (const auto& r : item.reasons) {
    nlohmann::json j = {{"kind", kind_name(r.kind)}, {"text", feed::reason_text(r)}};
    if (r.researcher) j["researcher_id"] = model::format_researcher_id(r.researcher);
    if (r.work) j["work_id"] = "W" + std::to_string(r.work);
    reasons.push_back(std::move(j));
  }
  return {{"work",
           {{"id", "W" + std::to_string(w.id)},
            {"title", w.title},
            {"authors", w.authors},
            {"affiliation_tag", item.affiliation_tag.empty() ? nlohmann::json(nullptr) : nlohmann::json(item.affiliation_tag)},
            {"category", first_category(w)},
            {"publication_date", w.date.empty() ? std::to_string(w.year) : w.date},
            {"url", work_link(w.url, w.doi)}}},
          {"score", item.score},
          {"saved", item.saved},
          {"reasons", std::move(reasons)},
          {"top_terms", item.top_terms}};
}

std::string render_feed_page(const FeedPageView& v) {
  data d;
  d.set("personal", v.personal);
  d.set("signed_in", v.signed_in);
  d.set("csrf_token", v.csrf_token);
  d.set("weekly_digest", v.weekly_digest);
  d.set("heading", v.personal ? "New works for you" : "New works");
  d.set("explanation", v.personal ? "Ranked by what you claimed, saved, liked and follow; each says why it is here."
                                  : "The newest works in the catalog. Choose a category, or sign in for a feed of your own.");
  d.set("by_score", v.sort != "date");
  d.set("category_filter", v.category);  // not "category": items would inherit it
  d.set("days", v.days);
  if (!v.atom_href.empty()) d.set("atom_href", v.atom_href);
  if (!v.next_href.empty()) d.set("next_href", v.next_href);
  d.set("total", plural(static_cast<int>(v.page->total), "work"));
  data items{data::type::list};
  for (const auto& item : v.page->items) {
    const auto& w = item.work;
    data i;
    i.set("id", std::to_string(w.id));
    i.set("title", w.title);
    i.set("href", work_href(w.id));
    data authors{data::type::list};
    size_t shown = std::min(kAuthorsShown, w.authors.size());
    for (size_t a = 0; a < shown; ++a) {
      data author;
      author.set("name", w.authors[a]);
      author.set("href", a < w.author_ids.size() && w.author_ids[a]
                             ? "/researchers/" + model::format_researcher_id(w.author_ids[a])
                             : "/researchers?name=" + url_encode(w.authors[a]));
      author.set("last", a + 1 == shown);
      authors.push_back(author);
    }
    i.set("authors", authors);
    i.set("et_al", w.authors.size() > kAuthorsShown);
    if (!item.affiliation_tag.empty()) i.set("affiliation_tag", item.affiliation_tag);
    if (!w.abstract.empty()) i.set("abstract", w.abstract);
    char score[16];
    std::snprintf(score, sizeof score, "%.1f", item.score);
    i.set("score", std::string(score));
    set_meta(i, w);
    data reasons{data::type::list};
    for (const auto& r : item.reasons) {
      data reason;
      reason.set("text", feed::reason_text(r));
      reasons.push_back(reason);
    }
    i.set("has_reasons", !item.reasons.empty());
    i.set("reasons", reasons);
    std::string terms;
    for (const auto& t : item.top_terms) terms += (terms.empty() ? "" : ", ") + t;
    if (!terms.empty()) i.set("terms", terms);
    i.set("signed_in", v.signed_in);
    i.set("csrf_token", v.csrf_token);
    i.set("saved", item.saved);
    i.set("back", v.back);
    items.push_back(i);
  }
  d.set("items", items);
  return render_in_layout("feed", d, v.personal ? "Your feed" : "New works");
}

std::string render_home_page(std::uint64_t work_count, const feed::FeedPage& newest) {
  data d;
  d.set("work_count", grouped(static_cast<long long>(work_count)));
  data items{data::type::list};
  for (const auto& item : newest.items) {
    const auto& w = item.work;
    data i;
    i.set("title", w.title);
    i.set("href", work_href(w.id));
    i.set("authors", text::names_with_et_al(w.authors, kAuthorsShown));
    set_meta(i, w);
    items.push_back(i);
  }
  d.set("has_newest", !newest.items.empty());
  d.set("newest", items);
  return render_in_layout("home", d, "BZPEER");
}

std::string render_atom(const feed::FeedPage& page, const std::string& title, const std::string& self,
                        const std::string& site) {
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  out += "  <title>" + xml_escape(title) + "</title>\n  <id>" + xml_escape(self) + "</id>\n";
  out += "  <link rel=\"self\" href=\"" + xml_escape(self) + "\"/>\n  <link href=\"" + xml_escape(site) + "/feed\"/>\n";
  std::string updated = "1970-01-01T00:00:00Z";
  for (const auto& item : page.items)
    if (item.work.date.size() >= 10 && item.work.date.substr(0, 10) + "T00:00:00Z" > updated)
      updated = item.work.date.substr(0, 10) + "T00:00:00Z";
  out += "  <updated>" + updated + "</updated>\n";
  for (const auto& item : page.items) {
    const auto& w = item.work;
    std::string when = w.date.size() >= 10 ? w.date.substr(0, 10) + "T00:00:00Z"
                                           : (w.year > 0 ? std::to_string(w.year) + "-01-01T00:00:00Z" : updated);
    const std::string link = site + work_href(w.id);
    out += "  <entry>\n    <title>" + xml_escape(w.title) + "</title>\n";
    out += "    <id>" + xml_escape(link) + "</id>\n";
    out += "    <link href=\"" + xml_escape(link) + "\"/>\n";
    out += "    <updated>" + when + "</updated>\n";
    for (size_t a = 0; a < std::min(kAuthorsShown, w.authors.size()); ++a)
      out += "    <author><name>" + xml_escape(w.authors[a]) + "</name></author>\n";
    if (w.authors.empty()) out += "    <author><name>unknown</name></author>\n";
    std::string why;
    for (const auto& r : item.reasons) why += (why.empty() ? "" : "; ") + feed::reason_text(r);
    out += "    <summary>" + xml_escape((why.empty() ? "" : "Why: " + why + ". ") + w.abstract) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace bzpeer::http

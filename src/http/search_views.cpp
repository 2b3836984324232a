#include "http/search_views.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "http/templates.hpp"

namespace bzpeer::http {

namespace {

std::string search_href(const std::string& q, const std::string& filter, const std::string& sort, int page = 1) {
  std::string href = "/search?q=" + url_encode(q);
  if (!filter.empty()) href += "&filter=" + url_encode(filter);
  if (!sort.empty()) href += "&sort=" + url_encode(sort);
  if (page > 1) href += "&page=" + std::to_string(page);
  return href;
}

std::vector<std::string> clauses_of(const std::string& filter) { return text::split(filter, ','); }

std::string join_clauses(const std::vector<std::string>& clauses) {
  std::string out;
  for (const auto& c : clauses) out += (out.empty() ? "" : ",") + c;
  return out;
}

constexpr size_t kFacetLabelBytes = 48;

data facet_data(const SearchPageView& v, const FacetView& facet) {
  data group;
  group.set("label", facet.label);
  data values{data::type::list};
  auto active = clauses_of(v.filter);
  // Years read in order, newest first; other values most frequent first.
  std::vector<search::FacetCount> counts = facet.counts;
  if (facet.key == "publication_year")
    std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.value > b.value; });
  for (const auto& c : counts) {
    // A value holding the filter grammar's separators cannot be a filter value.
    if (c.value.empty() || c.value.find_first_of(",|!") != std::string::npos) continue;
    std::string clause = facet.key + ":" + c.value;
    data item;
    item.set("value", c.value);
    // A venue can be a paragraph long: the facet shows its start, the title attribute all of it.
    item.set("label", text::utf8_prefix(c.value, kFacetLabelBytes) + (c.value.size() > kFacetLabelBytes ? "…" : ""));
    item.set("count", std::to_string(c.count));
    bool on = std::find(active.begin(), active.end(), clause) != active.end();
    item.set("active", on);
    if (!on) {
      auto with = active;
      with.push_back(clause);
      item.set("href", search_href(v.q, join_clauses(with), v.sort));
    }
    values.push_back(item);
  }
  group.set("values", values);
  group.set("has_values", !facet.counts.empty());
  return group;
}

}  // namespace

std::string render_search_page(const SearchPageView& v) {
  data d;
  d.set("q", v.q);
  d.set("has_error", !v.error.empty());
  d.set("error", v.error);
  const auto* r = v.results;
  d.set("has_results", r != nullptr);
  if (r) {
    d.set("total", std::string(r->total_exact ? "" : "about ") + plural(static_cast<int>(r->total), "work"));
    if (!r->corrected.empty()) {
      d.set("corrected", r->corrected);
      d.set("corrected_href", search_href(r->corrected, v.filter, v.sort));
    }
    data works{data::type::list};
    for (size_t i = 0; i < v.works.size(); ++i) {
      const auto& w = v.works[i];
      data item;
      item.set("title_html", r->snippet(w.title, w.title.size() + 64));
      if (!w.abstract.empty()) item.set("snippet_html", r->snippet(w.abstract, 300));
      item.set("authors", text::names_with_et_al(w.authors, 8));
      item.set("venue", w.venue.empty() ? w.source : w.venue);
      item.set("year", std::to_string(w.year));
      item.set("type", w.type);
      item.set("href", work_href(w.id));
      works.push_back(item);
    }
    d.set("works", works);
    data facets{data::type::list};
    for (const auto& f : v.facets) facets.push_back(facet_data(v, f));
    d.set("facets", facets);
    // Active filters, each with a link that removes it.
    data filters{data::type::list};
    auto active = clauses_of(v.filter);
    for (size_t i = 0; i < active.size(); ++i) {
      auto without = active;
      without.erase(without.begin() + static_cast<long>(i));
      data item;
      item.set("clause", active[i]);
      item.set("remove_href", search_href(v.q, join_clauses(without), v.sort));
      filters.push_back(item);
    }
    d.set("filters", filters);
    d.set("has_filters", !active.empty());
    data sorts{data::type::list};
    for (auto [key, label] : {std::pair{"", "Relevance"}, std::pair{"publication_date:desc", "Newest"},
                              std::pair{"publication_date:asc", "Oldest"}}) {
      data s;
      s.set("label", label);
      s.set("href", search_href(v.q, v.filter, key));
      s.set("active", v.sort == key);
      sorts.push_back(s);
    }
    d.set("sorts", sorts);
    int pages = static_cast<int>((r->total + static_cast<unsigned>(v.page.per_page) - 1) / static_cast<unsigned>(v.page.per_page));
    if (v.page.page > 1) d.set("prev_href", search_href(v.q, v.filter, v.sort, v.page.page - 1));
    if (v.page.page < pages && v.page.page * v.page.per_page < 10'000)
      d.set("next_href", search_href(v.q, v.filter, v.sort, v.page.page + 1));
    d.set("page_label", "Page " + std::to_string(v.page.page) + " of " + std::to_string(std::max(pages, 1)));
  }
  data people{data::type::list};
  for (const auto& p : v.people) {
    data item;
    item.set("id", model::format_researcher_id(p.id));
    item.set("name", p.display_name);
    item.set("works", plural(p.works_count, "work"));
    item.set("tagline", p.tagline);
    people.push_back(item);
  }
  d.set("people", people);
  d.set("has_people", !v.people.empty());
  data topics{data::type::list};
  for (const auto& t : v.topics) {
    data item;
    item.set("label", t.topic.label);
    item.set("works", plural(t.topic.works_count, "work"));
    item.set("href", topic_href(t.topic.id));
    topics.push_back(item);
  }
  d.set("topics", topics);
  d.set("has_topics", !v.topics.empty());
  std::string title = v.q.empty() ? "Search - BZPEER" : v.q + " - Search - BZPEER";
  return render_in_layout("search", d, title, v.q);
}

}  // namespace bzpeer::http

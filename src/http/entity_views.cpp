#include "http/entity_views.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "http/feed_views.hpp"
#include "http/json_views.hpp"
#include "http/templates.hpp"

namespace bzpeer::http {

namespace {

// One line of a works list: title to its page, three authors "et al.", the year.
data work_line(const store::WorkSummary& w) {
  data item;
  item.set("href", work_href(w.id));
  item.set("title", w.title);
  item.set("authors", text::names_with_et_al(w.authors, 3));
  if (w.year > 0) item.set("year", std::to_string(w.year));
  return item;
}

data work_lines(const std::vector<store::WorkSummary>& works) {
  data list{data::type::list};
  for (const auto& w : works) list.push_back(work_line(w));
  return list;
}

}  // namespace

std::string render_work_page(const pages::WorkPage& page) {
  const auto& w = page.work;
  data d;
  d.set("id", std::to_string(w.id));
  d.set("title", w.title);
  d.set("type", w.type.empty() ? std::string("work") : w.type);
  if (auto date = display_date(w.date, w.year); !date.empty()) d.set("date", date);
  if (!w.venue.empty()) d.set("venue", w.venue);
  if (!w.abstract.empty()) d.set("abstract", w.abstract);
  if (auto link = work_link(w.url, w.doi); !link.empty()) d.set("url", link);
  d.set("source", w.source);
  d.set("external_id", w.external_id);
  data authors{data::type::list};
  bool attributed = false;
  for (const auto& a : page.authors) {
    data item;
    item.set("name", a.name);
    if (a.researcher) item.set("href", "/researchers/" + model::format_researcher_id(a.researcher));
    if (!a.affiliation.empty()) {
      item.set("affiliation", a.affiliation);
      item.set("institution_href", institution_href(a.affiliation));
    }
    if (auto label = strength_label(a.strength); !label.empty()) {
      attributed = true;
      item.set("strength", strength_class(a.strength));
      item.set("strength_label", label);
      item.set("explanation", a.explanation.empty() ? label : a.explanation);
    }
    authors.push_back(item);
  }
  d.set("authors", authors);
  d.set("has_attributions", attributed);
  d.set("topics", named_list(page.topics, Links::topics));
  d.set("has_topics", !page.topics.empty());
  d.set("related", work_lines(page.related));
  d.set("has_related", !page.related.empty());
  d.set("also_wrote", named_list(page.also_wrote, Links::researchers));
  d.set("has_also_wrote", !page.also_wrote.empty());
  return render_in_layout("work", d, text::utf8_prefix(w.title, 120) + " - BZPEER");
}

std::string render_topic_page(const pages::TopicPage& page) {
  data d;
  const bool field = page.topic.id.starts_with("field:");
  d.set("kind", field ? "Field" : "Topic");
  d.set("label", page.topic.label);
  std::string summary = plural(static_cast<int>(page.works_total), "work");
  if (!page.works_total_exact) summary = "About " + summary;
  if (page.topic.researchers_count > 0) summary += " · " + plural(page.topic.researchers_count, "researcher") +
                                             (page.topic.researchers_count == 1 ? " lists it" : " list it");
  d.set("summary", summary);
  const auto query = pages::works_of_topic_query(page.topic.id);
  const std::string search_href =
      field ? "/search?filter=" + url_encode("category:" + page.topic.id.substr(6)) : "/search?q=" + url_encode(query.text);
  d.set("search_href", search_href);
  int most = 1;
  for (const auto& y : page.by_year) most = std::max(most, y.works);
  data years{data::type::list};
  for (const auto& y : page.by_year) {
    data item;
    item.set("year", std::to_string(y.year));
    item.set("count", grouped(y.works));
    item.set("value", std::to_string(y.works));
    item.set("most", std::to_string(most));
    years.push_back(item);
  }
  d.set("years", years);
  d.set("has_years", !page.by_year.empty());
  d.set("researchers", named_list(page.researchers, Links::researchers));
  d.set("has_researchers", !page.researchers.empty());
  d.set("works", work_lines(page.works));
  if (page.works_total > page.works.size()) {
    d.set("more_href", search_href + (field ? "&sort=publication_date:desc" : ""));
    d.set("works_total", grouped(static_cast<long long>(page.works_total)));
  }
  return render_in_layout("topic", d, page.topic.label + " - BZPEER");
}

std::string render_institution_page(const pages::InstitutionPage& page) {
  data d;
  d.set("name", page.name);
  d.set("summary", plural(static_cast<int>(page.researchers_total), "researcher"));
  d.set("researchers", named_list(page.researchers, Links::researchers));
  d.set("topics", named_list(page.topics, Links::topics));
  d.set("has_topics", !page.topics.empty());
  d.set("works", work_lines(page.works));
  d.set("has_works", !page.works.empty());
  return render_in_layout("institution", d, page.name + " - BZPEER");
}

nlohmann::json work_page_json(const pages::WorkPage& page) {
  nlohmann::json j = work_json(page.work);
  nlohmann::json authors = nlohmann::json::array();
  for (const auto& a : page.authors)
    authors.push_back({{"name", a.name},
                       {"researcher", a.researcher ? nlohmann::json(model::format_researcher_id(a.researcher)) : nlohmann::json()},
                       {"affiliation", a.affiliation.empty() ? nlohmann::json() : nlohmann::json(a.affiliation)},
                       {"attribution_strength", strength_json(a.strength)},
                       {"attribution", a.explanation.empty() ? nlohmann::json() : nlohmann::json(a.explanation)}});
  j["authorships"] = authors;
  nlohmann::json topics = nlohmann::json::array();
  for (const auto& t : page.topics) topics.push_back({{"id", t.id}, {"label", t.name}});
  j["topics"] = topics;
  nlohmann::json related = nlohmann::json::array();
  for (const auto& r : page.related) related.push_back({{"id", "W" + std::to_string(r.id)}, {"title", r.title}});
  j["related_works"] = related;
  j["also_wrote"] = nlohmann::json::array();
  for (const auto& p : page.also_wrote)
    j["also_wrote"].push_back({{"id", p.id}, {"name", p.name}, {"related_works", p.count}});
  return j;
}

}  // namespace bzpeer::http

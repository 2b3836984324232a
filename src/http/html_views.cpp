#include "http/html_views.hpp"

#include <map>

#include "http/templates.hpp"

namespace bzpeer::http {

namespace {

data graph_group(const std::string& label, int count, const std::vector<model::NamedCount>& top, Links links) {
  data group;
  group.set("label", label);
  group.set("count", std::to_string(count));
  group.set("top", named_list(top, links));
  group.set("has_top", !top.empty());
  return group;
}

}  // namespace

std::string render_profile_page(const model::ResearcherProfile& p, const std::vector<store::WorkSummary>& works,
                                store::Page page, const ProfileViewer& viewer) {
  std::string id = model::format_researcher_id(p.id);
  data d;
  d.set("signed_in", viewer.signed_in);
  d.set("csrf_token", viewer.csrf_token);
  d.set("following", viewer.following);
  d.set("is_claimant", viewer.is_claimant);
  d.set("claim_evidence", viewer.claim_evidence);
  d.set("can_claim", viewer.signed_in && !p.claimed && !viewer.has_other_claim);
  d.set("claimed_by_other", p.claimed && !viewer.is_claimant);
  // Someone who claimed another record can take this unclaimed one's works as theirs.
  d.set("can_add_to_own", viewer.can_add_to_own && p.works_count > 0);
  d.set("own_record", viewer.own_record);
  d.set("add_to_own_label", "Add its " + plural(p.works_count, "work") + " to my profile");
  data namesakes{data::type::list};
  for (const auto& [other, label, works] : viewer.namesakes) {
    data item;
    item.set("namesake_id", other);
    item.set("namesake_label", label);
    item.set("add_label", "Add " + (works == 1 ? std::string("it") : "its " + plural(works, "work")) + " to my profile");
    item.set("csrf_token", viewer.csrf_token);
    namesakes.push_back(item);
  }
  d.set("has_namesakes", !viewer.namesakes.empty());
  d.set("namesakes", namesakes);
  if (viewer.pending_additions > 0)
    d.set("pending_additions", plural(viewer.pending_additions, "work") + " you added from other records " +
                                   (viewer.pending_additions == 1 ? "joins" : "join") + " this profile at the next build.");
  d.set("can_invite", viewer.signed_in && p.claimed && p.open_to_collaborate && !viewer.is_claimant);
  d.set("invite_needs_login", !viewer.signed_in && p.claimed && p.open_to_collaborate);
  d.set("not_open", p.claimed && !p.open_to_collaborate);
  d.set("id", id);
  d.set("name", p.display_name);
  d.set("name_query", url_encode(p.display_name));
  d.set("tagline", p.tagline);
  d.set("affiliation", p.affiliation.empty() ? "Affiliation not imported" : p.affiliation);
  if (!p.affiliation.empty()) d.set("institution_href", institution_href(p.affiliation));
  d.set("collaboration_status", p.open_to_collaborate ? "Open to collaborate" : "Not taking collaborations");
  d.set("trust_score", std::to_string(p.trust.score));
  d.set("trust_tier", p.trust.tier);
  d.set("verification_level", std::string(model::name(p.verification_level)));
  d.set("claim_status", p.claimed ? "Claimed author" : "Unclaimed author");
  d.set("claimed", p.claimed);
  d.set("works_count", std::to_string(p.works_count));
  d.set("followers_count", std::to_string(p.followers_count));
  d.set("topics_count", std::to_string(p.topics.size()));
  d.set("collaborators_count", std::to_string(p.collaborators.size()));
  d.set("topics", named_list(p.topics, Links::topics));
  d.set("has_topics", !p.topics.empty());
  d.set("collaborators", named_list(p.collaborators, Links::researchers));
  d.set("has_collaborators", !p.collaborators.empty());

  data breakdown{data::type::list};
  for (const auto& part : p.trust.breakdown) {
    data row;
    char points[32];
    std::snprintf(points, sizeof points, "%g / %g", part.points, part.max_points);
    row.set("label", part.label);
    row.set("points", points);
    row.set("explanation", part.explanation);
    breakdown.push_back(row);
  }
  d.set("breakdown", breakdown);

  data graph{data::type::list};
  // Own works first, and never 0 for a researcher with works (older builds stored none).
  int own = p.graph.own_works ? p.graph.own_works : p.works_count;
  graph.push_back(graph_group(own == 1 ? "own work" : "own works", own, p.graph.top_own, Links::works));
  graph.push_back(graph_group(p.graph.papers == 1 ? "nearby work, by a co-author" : "nearby works, by co-authors",
                              p.graph.papers, p.graph.top_papers, Links::works));
  graph.push_back(graph_group(p.graph.people == 1 ? "co-author" : "co-authors", p.graph.people, p.graph.top_people, Links::researchers));
  graph.push_back(graph_group(p.graph.topics == 1 ? "topic" : "topics", p.graph.topics, p.graph.top_topics, Links::topics));
  graph.push_back(graph_group(p.graph.institutions == 1 ? "institution" : "institutions", p.graph.institutions,
                              p.graph.top_institutions, Links::institutions));
  d.set("graph", graph);

  data work_list{data::type::list};
  for (const auto& w : works) {
    data item;
    item.set("type", w.type);
    item.set("year", std::to_string(w.year));
    item.set("source", w.source);
    item.set("title", w.title);
    item.set("abstract", w.abstract);
    item.set("has_abstract", !w.abstract.empty());
    item.set("venue", w.venue);
    item.set("href", work_href(w.id));
    if (auto link = work_link(w.url, w.doi); !link.empty()) item.set("url", link);
    std::string authors;
    for (size_t i = 0; i < w.authors.size() && i < 3; ++i) authors += (i ? ", " : "") + w.authors[i];
    if (w.authors.size() > 3) authors += " et al.";
    item.set("authors", authors);
    item.set("attribution", w.attribution);
    if (auto label = strength_label(w.attribution_strength); !label.empty()) {
      item.set("strength", strength_class(w.attribution_strength));
      item.set("strength_label", label);
    }
    item.set("work_id", std::to_string(w.id));
    item.set("is_claimant", viewer.is_claimant);
    item.set("csrf_token", viewer.csrf_token);
    item.set("researcher_id", id);
    if (auto c = viewer.corrections.find(w.id); c != viewer.corrections.end())
      item.set("correction", c->second == model::CorrectionAction::confirm ? "Confirmed by the researcher"
                             : c->second == model::CorrectionAction::remove
                                 ? "Marked as not theirs by the researcher: leaves the profile at the next build"
                                 : "Added by the researcher");
    work_list.push_back(item);
  }
  d.set("works", work_list);
  d.set("works_heading", std::to_string(p.works_count) + " published item(s)");
  // Works tied on weak evidence can be listed alone: the ones to check first.
  if (viewer.weak_works > 0) {
    std::string count = viewer.weak_works == 1 ? "1 work is" : std::to_string(viewer.weak_works) + " works are";
    d.set("weak_summary", count + " tied to this profile on weak evidence" +
                              (viewer.is_claimant ? ": confirm or remove them." : "."));
    d.set("weak_only", viewer.weak_only);
    d.set("all_works_href", "/researchers/" + id + "#works");
    d.set("weak_works_href", "/researchers/" + id + "?check=weak#works");
  }
  int listed = viewer.weak_only ? viewer.weak_works : p.works_count;
  int pages = std::max(1, (listed + page.per_page - 1) / page.per_page);
  std::string filter = viewer.weak_only ? "&check=weak" : "";
  d.set("has_pager", pages > 1);
  d.set("page_label", "Page " + std::to_string(page.page) + " of " + std::to_string(pages));
  if (page.page > 1) d.set("prev_href", "/researchers/" + id + "?page=" + std::to_string(page.page - 1) + filter);
  if (page.page < pages) d.set("next_href", "/researchers/" + id + "?page=" + std::to_string(page.page + 1) + filter);
  return render_in_layout("profile", d, p.display_name + " - BZPEER");
}

std::string render_researchers_page(const std::string& name, const std::vector<model::ResearcherProfile>& found) {
  data d;
  d.set("query", name);
  d.set("has_query", !name.empty());
  d.set("summary", plural(static_cast<int>(found.size()), "researcher") + " named \"" + name + "\"");
  data list{data::type::list};
  for (const auto& p : found) {
    data item;
    item.set("id", model::format_researcher_id(p.id));
    item.set("name", p.display_name);
    item.set("works", plural(p.works_count, "work"));
    item.set("affiliation", p.affiliation.empty() ? "Affiliation not imported" : p.affiliation);
    std::vector<model::NamedCount> top(p.topics.begin(), p.topics.begin() + std::min<size_t>(p.topics.size(), 5));
    item.set("topics", named_list(top, Links::topics));
    list.push_back(item);
  }
  d.set("researchers", list);
  d.set("has_results", !found.empty());
  return render_in_layout("researchers", d, "Researchers named " + name + " - BZPEER");
}

std::string render_error_page(int status, const std::string& message) {
  data d;
  d.set("status", std::to_string(status));
  d.set("message", message);
  return render_in_layout("error", d, std::to_string(status) + " - BZPEER");
}

const std::string* static_asset(const std::string& name) {
  const auto& files = embedded_ui();
  auto it = files.find("static/" + name);
  return it == files.end() ? nullptr : &it->second;
}

}  // namespace bzpeer::http

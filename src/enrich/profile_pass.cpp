// A researcher's profile from the corpus view, and the pass that makes and saves them (in
// one process, or a partition of the researchers at a time: partitioned_enrich.cpp).
#include "enrich/profile_pass.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/progress.hpp"
#include "enrich/collaborators.hpp"
#include "enrich/corpus_view.hpp"
#include "enrich/researcher_topics.hpp"
#include "enrich/topic_catalog.hpp"
#include "enrich/trust.hpp"

namespace bzpeer::enrich {

// Scratch space reused across researchers: a counter per work, reset through `touched`.
struct NearbyScratch {
  std::vector<int> count;
  std::vector<std::uint32_t> via;  // the co-author (index into `coauthors`) a work was first reached through
  std::vector<std::uint32_t> touched;
};

namespace {

// "Han Hu works on semantic segmentation, object detection and vision transformers."
std::string tagline(const std::string& name, const std::vector<model::NamedCount>& topics, int works) {
  std::vector<std::string> phrases;
  for (const auto& t : topics)
    if (t.id.rfind("topic:", 0) == 0 && phrases.size() < 3) phrases.push_back(t.name);
  if (phrases.empty())
    for (const auto& t : topics)
      if (phrases.size() < 2) phrases.push_back(t.name);
  if (phrases.empty()) return name + " has " + std::to_string(works) + " published work" + (works == 1 ? "" : "s") + ".";
  std::string list = phrases[0];
  for (size_t i = 1; i < phrases.size(); ++i) list += (i + 1 == phrases.size() ? " and " : ", ") + phrases[i];
  return name + " works on " + list + ".";
}

// Where a researcher is now: the affiliation of their newest work that names one (people
// move; a count over all years would keep them where they spent longest), the one more of
// their works name on a tie.
std::string current_affiliation(const std::unordered_map<std::string, AffiliationSeen>& affiliations) {
  std::string best;
  AffiliationSeen best_seen;
  for (const auto& [name, seen] : affiliations) {
    auto key = std::tuple(seen.latest_year, seen.works);
    auto best_key = std::tuple(best_seen.latest_year, best_seen.works);
    if (best.empty() || key > best_key || (key == best_key && name < best)) {
      best = name;
      best_seen = seen;
    }
  }
  return best;
}

std::vector<model::NamedCount> top_of(const std::map<std::string, int>& counts, size_t limit) {
  std::vector<model::NamedCount> out;
  for (const auto& [name, count] : counts) out.push_back({"", name, static_cast<double>(count), count});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}


// The researcher in context: nearby papers (the recent works of their strongest
// co-authors, not their own), people (co-authors), topics and institutions (their own
// and those co-authors' affiliations).
model::GraphSummary graph_summary(const CorpusView& view, std::uint32_t r, const std::vector<CoAuthor>& coauthors,
                                  const std::vector<model::NamedCount>& topics, const ProfileLimits& limits,
                                  NearbyScratch& scratch) {
  model::GraphSummary g;
  scratch.count.resize(view.works.size(), 0);
  scratch.via.resize(view.works.size(), 0);
  constexpr int kOwn = -1;
  for (std::uint32_t w : view.works_of[r]) scratch.count[w] = kOwn;
  std::map<std::string, int> institutions;
  for (const auto& [name, seen] : view.affiliations_of[r]) institutions[name] += seen.works;
  for (size_t c = 0; c < coauthors.size() && c < limits.nearby_people_scanned; ++c) {
    const auto& works = view.works_of[coauthors[c].researcher];  // newest first
    for (size_t i = 0; i < works.size() && i < limits.nearby_works_per_person; ++i) {
      int& n = scratch.count[works[i]];
      if (n == kOwn) continue;
      if (n++ == 0) {
        scratch.touched.push_back(works[i]);
        scratch.via[works[i]] = static_cast<std::uint32_t>(c);
      }
    }
    for (const auto& [name, seen] : view.affiliations_of[coauthors[c].researcher]) institutions[name] += seen.works;
  }
  g.own_works = static_cast<int>(view.works_of[r].size());
  for (size_t i = 0; i < view.works_of[r].size() && i < limits.graph_top; ++i) {  // newest first
    const auto& w = view.works[view.works_of[r][i]];
    g.top_own.push_back({std::to_string(w.id), w.title, 1.0, 1, ""});
  }
  g.papers = static_cast<int>(scratch.touched.size());
  g.people = static_cast<int>(coauthors.size());
  g.topics = static_cast<int>(topics.size());
  g.institutions = static_cast<int>(institutions.size());

  auto better = [&](std::uint32_t a, std::uint32_t b) {
    if (scratch.count[a] != scratch.count[b]) return scratch.count[a] > scratch.count[b];
    if (view.works[a].year != view.works[b].year) return view.works[a].year > view.works[b].year;
    return a < b;
  };
  size_t top = std::min(limits.graph_top, scratch.touched.size());
  std::partial_sort(scratch.touched.begin(), scratch.touched.begin() + static_cast<std::ptrdiff_t>(top),
                    scratch.touched.end(), better);
  for (size_t i = 0; i < top; ++i) {
    const auto& w = view.works[scratch.touched[i]];
    int shared = scratch.count[scratch.touched[i]];
    g.top_papers.push_back({std::to_string(w.id), w.title, static_cast<double>(shared), shared,
                            view.display_names[coauthors[scratch.via[scratch.touched[i]]].researcher]});
  }
  for (std::uint32_t w : scratch.touched) scratch.count[w] = 0;
  for (std::uint32_t w : view.works_of[r]) scratch.count[w] = 0;
  scratch.touched.clear();

  for (size_t i = 0; i < coauthors.size() && i < limits.graph_top; ++i)
    g.top_people.push_back({model::format_researcher_id(view.researcher_ids[coauthors[i].researcher]),
                            view.display_names[coauthors[i].researcher], coauthors[i].strength,
                            coauthors[i].shared_works, ""});
  for (size_t i = 0; i < topics.size() && i < limits.graph_top; ++i) g.top_topics.push_back(topics[i]);
  g.top_institutions = top_of(institutions, limits.graph_top);
  return g;
}

}  // namespace

ProfileMaker::ProfileMaker(const CorpusView& view, const ProfileLimits& limits)
    : view_(view), limits_(limits), nearby_(std::make_unique<NearbyScratch>()) {}

ProfileMaker::~ProfileMaker() = default;

model::ResearcherProfile ProfileMaker::make(std::uint32_t r) {
  model::ResearcherProfile p;
  p.id = view_.researcher_ids[r];
  p.display_name = view_.display_names[r];
  p.works_count = static_cast<int>(view_.works_of[r].size());
  p.topics = researcher_topics(view_, r, limits_.phrase_topics, limits_.field_topics, topic_counts_);
  auto coauthors = co_authors(view_, r, strength_, shared_);
  for (size_t i = 0; i < coauthors.size() && i < limits_.close_collaborators; ++i)
    p.collaborators.push_back({model::format_researcher_id(view_.researcher_ids[coauthors[i].researcher]),
                               view_.display_names[coauthors[i].researcher], coauthors[i].strength,
                               coauthors[i].shared_works, ""});
  p.affiliation = current_affiliation(view_.affiliations_of[r]);
  p.tagline = tagline(p.display_name, p.topics, p.works_count);
  // Accounts (claims, follows) do not exist yet: every record is a public, unclaimed L1.
  p.verification_level = model::VerificationLevel::L1;
  p.claimed = false;
  p.followers_count = 0;
  p.open_to_collaborate = true;
  p.trust = compute_trust({p.verification_level, p.claimed, p.works_count, p.followers_count, !p.affiliation.empty(),
                           p.open_to_collaborate});
  p.graph = graph_summary(view_, r, coauthors, p.topics, limits_, *nearby_);
  return p;
}

Result<size_t> save_profiles_of(store::ProfileStore& store, const CorpusView& view, const ProfileLimits& limits,
                                const std::function<bool(model::ResearcherId)>& chosen, TopicCatalog& topics) {
  ProfileMaker maker(view, limits);
  std::vector<model::ResearcherProfile> profiles;
  Progress progress("profiles", view.researcher_ids.size());
  // Saved in batches so a million profiles never sit in memory at once.
  constexpr size_t kSaveBatch = 20'000;
  size_t saved_count = 0;
  auto save = [&]() -> Status {
    auto status = store.save_profiles(profiles);
    saved_count += profiles.size();
    profiles.clear();
    return status;
  };
  for (std::uint32_t r = 0; r < view.researcher_ids.size(); ++r) {
    progress.update(r + 1);
    if (!chosen(view.researcher_ids[r])) continue;
    profiles.push_back(maker.make(r));
    topics.add_profile(profiles.back().topics);
    if (profiles.size() == kSaveBatch)
      if (auto status = save(); !status) return status.error();
  }
  progress.finish();
  if (auto status = save(); !status) return status.error();
  return saved_count;
}

Result<EnrichStats> run_enrich(store::ProfileStore& store, const ProfileLimits& limits) {
  PhaseClock clock;
  auto view = load_corpus(store, &clock);
  if (!view) return view.error();
  TopicCatalog topics;
  auto saved = save_profiles_of(store, *view, limits, [](model::ResearcherId) { return true; }, topics);
  if (!saved) return saved.error();
  if (auto status = store.save_topics(topics.finish(*view)); !status) return status.error();
  clock.mark("profiles");
  return EnrichStats{*saved, view->works.size(), view->topics.topic_count(), clock.text()};
}

}  // namespace bzpeer::enrich

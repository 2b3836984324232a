#include "enrich/corpus_view.hpp"

#include <algorithm>

#include "core/phase_clock.hpp"
#include "core/progress.hpp"

namespace bzpeer::enrich {

Result<CorpusView> load_corpus(store::ProfileStore& store, PhaseClock* clock) {
  CorpusView view;
  std::unordered_map<std::int64_t, std::uint32_t> work_index;
  {
    Progress progress("topics: counting phrases");
    auto read = store.for_each_work([&](store::WorkRow&& w) {
      view.topics.observe(w.title, w.abstract);
      progress.update(view.topics.documents());
    });
    if (!read) return read.error();
  }
  view.topics.finish_counting();
  if (clock) clock->mark("phrases");
  {
    Progress progress("topics: assigning", view.topics.documents());
    auto read = store.for_each_work([&](store::WorkRow&& w) {
      WorkInfo info{w.id, w.year, w.title, std::move(w.categories), view.topics.topics_of(w.title, w.abstract)};
      work_index.emplace(w.id, static_cast<std::uint32_t>(view.works.size()));
      view.latest_year = std::max(view.latest_year, w.year);
      view.works.push_back(std::move(info));
      progress.update(view.works.size());
    });
    if (!read) return read.error();
  }

  if (clock) clock->mark("topics of works");
  std::unordered_map<model::ResearcherId, std::uint32_t> researcher_index;
  auto index_of = [&](model::ResearcherId id) {
    auto [it, inserted] = researcher_index.try_emplace(id, static_cast<std::uint32_t>(view.researcher_ids.size()));
    if (inserted) {
      view.researcher_ids.push_back(id);
      view.works_of.emplace_back();
      view.affiliations_of.emplace_back();
      view.display_names.emplace_back();
    }
    return it->second;
  };
  view.authors_of.resize(view.works.size());
  auto pairs = store.for_each_researcher_work([&](model::ResearcherId id, std::int64_t work_id) {
    auto w = work_index.find(work_id);
    if (w == work_index.end()) return;
    std::uint32_t r = index_of(id);
    view.works_of[r].push_back(w->second);
    view.authors_of[w->second].push_back(r);
  });
  if (!pairs) return pairs.error();
  auto names = store.for_each_researcher(
      [&](model::ResearcherId id, const std::string& name) { view.display_names[index_of(id)] = name; });
  if (!names) return names.error();
  // Newest first: profiles and nearby papers look at recent work.
  for (auto& works : view.works_of)
    std::sort(works.begin(), works.end(), [&](std::uint32_t a, std::uint32_t b) {
      return view.works[a].year != view.works[b].year ? view.works[a].year > view.works[b].year : a > b;
    });
  // After the identity pass, `previous_researcher` is the current assignment.
  auto authorships = store.for_each_authorship([&](store::AuthorshipRow&& row) {
    if (!row.previous_researcher) return;
    std::uint32_t r = index_of(row.previous_researcher);
    if (row.affiliation.empty()) return;
    auto& seen = view.affiliations_of[r][row.affiliation];
    ++seen.works;
    if (auto w = work_index.find(row.work_id); w != work_index.end())
      seen.latest_year = std::max(seen.latest_year, view.works[w->second].year);
  });
  if (!authorships) return authorships.error();
  if (clock) clock->mark("researchers");
  return view;
}

}  // namespace bzpeer::enrich

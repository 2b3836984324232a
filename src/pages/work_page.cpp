#include "pages/work_page.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "core/text.hpp"
#include "enrich/topic_miner.hpp"

namespace bzpeer::pages {

namespace {

constexpr size_t kRelated = 10;
constexpr size_t kAlsoWrote = 10;
constexpr size_t kAuthorsWithProfiles = 50;  // a consortium paper's list stops being read long before

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80); }

// `phrase` as whole words of `folded` (both folded).
bool contains_words(const std::string& folded, const std::string& phrase) {
  if (phrase.empty()) return false;
  for (size_t at = folded.find(phrase); at != std::string::npos; at = folded.find(phrase, at + 1)) {
    const size_t end = at + phrase.size();
    if ((at == 0 || !is_word_char(folded[at - 1])) && (end == folded.size() || !is_word_char(folded[end]))) return true;
  }
  return false;
}

}  // namespace

std::vector<model::NamedCount> topics_of_work(const store::WorkSummary& work,
                                              const std::vector<std::vector<model::NamedCount>>& author_topics) {
  std::vector<model::NamedCount> out;
  std::unordered_set<std::string> seen;
  for (const auto& c : work.categories)
    if (seen.insert("field:" + c).second) out.push_back({"field:" + c, enrich::field_label(c)});
  const std::string text = text::fold(work.title + " \n " + work.abstract);
  std::map<std::string, model::NamedCount> phrases;  // by how many authors list it
  for (const auto& topics : author_topics)
    for (const auto& t : topics) {
      if (!t.id.starts_with("topic:") || seen.count(t.id)) continue;
      if (auto it = phrases.find(t.id); it != phrases.end()) {
        ++it->second.count;
      } else if (contains_words(text, text::fold(t.name))) {
        phrases[t.id] = {t.id, t.name, 0, 1};
      }
    }
  std::vector<model::NamedCount> ranked;
  for (auto& [id, t] : phrases) ranked.push_back(t);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.count > b.count; });
  out.insert(out.end(), ranked.begin(), ranked.end());
  return out;
}

Result<std::optional<WorkPage>> work_page(std::int64_t id, store::CatalogReader& catalog, search::Searcher* searcher) {
  auto found = catalog.works_by_ids({id});
  if (!found) return found.error();
  if (found->empty()) return std::optional<WorkPage>();
  WorkPage page;
  page.work = std::move(found->front());
  const auto& w = page.work;

  // Every authorship's attribution in one read (by position), not one a researcher.
  std::unordered_map<int, store::Attribution> attributed;
  auto attributions = catalog.attributions_in_works(id, id);
  if (!attributions) return attributions.error();
  for (auto& a : *attributions) attributed[a.position] = std::move(a.attribution);
  std::vector<std::vector<model::NamedCount>> author_topics;
  std::unordered_set<model::ResearcherId> authors;
  std::unordered_set<std::string> author_names;  // a namesake record is most often the same person
  for (size_t i = 0; i < w.authors.size(); ++i) {
    WorkAuthor a;
    a.name = w.authors[i];
    author_names.insert(text::fold(a.name));
    if (i < w.author_affiliations.size()) a.affiliation = w.author_affiliations[i];
    if (i < w.author_ids.size()) a.researcher = w.author_ids[i];
    if (a.researcher && i < kAuthorsWithProfiles) {
      authors.insert(a.researcher);
      if (auto it = attributed.find(static_cast<int>(i)); it != attributed.end()) {
        a.strength = it->second.strength;
        a.explanation = it->second.explanation;
      }
      auto profile = catalog.profile(a.researcher);
      if (!profile) return profile.error();
      if (*profile) author_topics.push_back((*profile)->topics);
    }
    page.authors.push_back(std::move(a));
  }
  page.topics = topics_of_work(w, author_topics);

  if (searcher) {
    auto like = searcher->works_like({id}, std::nullopt, kRelated);
    if (like) {
      auto related = catalog.works_by_ids(*like);  // in the order asked
      if (!related) return related.error();
      page.related = std::move(*related);
    }
  }
  // Who else wrote on this: the related works' authors who are not this work's.
  std::map<model::ResearcherId, model::NamedCount> others;
  for (const auto& r : page.related)
    for (size_t i = 0; i < r.author_ids.size() && i < r.authors.size(); ++i) {
      model::ResearcherId a = r.author_ids[i];
      if (!a || authors.count(a) || author_names.count(text::fold(r.authors[i]))) continue;
      auto& entry = others[a];
      entry.id = model::format_researcher_id(a);
      entry.name = r.authors[i];
      ++entry.count;
    }
  for (auto& [rid, entry] : others) page.also_wrote.push_back(entry);
  std::stable_sort(page.also_wrote.begin(), page.also_wrote.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  if (page.also_wrote.size() > kAlsoWrote) page.also_wrote.resize(kAlsoWrote);
  return std::optional<WorkPage>(std::move(page));
}

}  // namespace bzpeer::pages

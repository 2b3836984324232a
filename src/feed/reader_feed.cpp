#include "feed/reader_feed.hpp"

#include <algorithm>
#include <random>
#include <unordered_set>

#include "core/text.hpp"
#include "feed/affiliation_tag.hpp"
#include "search/work_filter.hpp"

namespace bzpeer::feed {

namespace {

constexpr size_t kReferenceSample = 20000;  // works whose terms give the document frequencies
constexpr size_t kNegativeSample = 300;     // of them, the "everything else" side of each scorer
constexpr size_t kMaxPositives = 100;
constexpr size_t kWorksPerFollowed = 10, kCoauthors = 10, kWorksPerCoauthor = 10;
constexpr Xapian::doccount kLikeCandidates = 200, kCategoryCandidates = 50, kTopicCandidates = 50,
                           kRecentCandidates = 100;
constexpr size_t kVectorCache = 300000, kScorerCache = 10000;

int day_of(const store::WorkSummary& w) { return day_of_date(w.date.empty() ? std::to_string(w.year) : w.date); }

std::uint64_t fingerprint(const ReaderInterests& r) {
  std::string key = std::to_string(r.claimed.value_or(0)) + "|";
  for (auto* list : {&r.saved, &r.liked, &r.dismissed}) {
    for (auto id : *list) key += std::to_string(id) + ",";
    key += "|";
  }
  return text::stable_hash(key);
}

// Where each candidate came from: the researchers and followed topics through which
// it was found.
struct Provenance {
  std::vector<model::ResearcherId> authors;
  std::vector<std::string> topics;
};
using Candidates = std::unordered_map<std::int64_t, Provenance>;

void add_candidates(Candidates& c, const std::vector<std::int64_t>& ids, model::ResearcherId through = 0,
                    const std::string& topic = "") {
  for (auto id : ids) {
    auto& p = c[id];
    if (through && std::find(p.authors.begin(), p.authors.end(), through) == p.authors.end()) p.authors.push_back(through);
    if (!topic.empty() && std::find(p.topics.begin(), p.topics.end(), topic) == p.topics.end()) p.topics.push_back(topic);
  }
}

std::vector<std::int64_t> hit_ids(const Result<search::WorkResults>& r) {
  std::vector<std::int64_t> out;
  if (r)
    for (const auto& h : r->hits) out.push_back(h.id);
  return out;
}

}  // namespace

struct FeedEngine::Reference {
  DocumentFrequencies df;
  std::vector<std::shared_ptr<const TermVector>> negatives;
};

std::shared_ptr<const FeedEngine::Reference> FeedEngine::reference(store::Catalog& catalog) {
  std::int64_t revision = catalog.works_revision();
  {
    std::lock_guard lock(mutex_);
    if (reference_ && reference_revision_ == revision) return reference_;
  }
  // An even sample of the catalog by id: document frequencies need no more.
  auto ref = std::make_shared<Reference>();
  const std::int64_t works = static_cast<std::int64_t>(catalog.work_count());
  const std::int64_t step = std::max<std::int64_t>(1, works / static_cast<std::int64_t>(kReferenceSample));
  std::vector<std::int64_t> ids;
  for (std::int64_t id = 1; id <= works; id += step) ids.push_back(id);
  std::vector<TermCounts> counts;
  for (auto& w : catalog.works_by_ids(ids)) {
    counts.push_back(count_terms(w.title, w.abstract));
    ref->df.add(counts.back());
  }
  std::mt19937_64 rng(revision);
  std::shuffle(counts.begin(), counts.end(), rng);
  for (size_t i = 0; i < counts.size() && ref->negatives.size() < kNegativeSample; ++i)
    ref->negatives.push_back(std::make_shared<TermVector>(tfidf(counts[i], ref->df)));
  std::lock_guard lock(mutex_);
  reference_ = ref;
  reference_revision_ = revision;
  vectors_.clear();
  scorers_.clear();
  return ref;
}

std::shared_ptr<const TermVector> FeedEngine::vector_of(const store::WorkSummary& work, const Reference& ref) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = vectors_.find(work.id); it != vectors_.end()) return it->second;
  }
  auto v = std::make_shared<const TermVector>(tfidf(count_terms(work.title, work.abstract), ref.df));
  std::lock_guard lock(mutex_);
  if (vectors_.size() >= kVectorCache) vectors_.clear();
  vectors_[work.id] = v;
  return v;
}

std::shared_ptr<const LinearScorer> FeedEngine::scorer_for(const ReaderInterests& reader,
                                                           const std::vector<const TermVector*>& liked,
                                                           const std::vector<const TermVector*>& disliked,
                                                           const Reference& ref) {
  const std::uint64_t key = fingerprint(reader);
  {
    std::lock_guard lock(mutex_);
    if (auto it = scorers_.find(key); it != scorers_.end()) return it->second;
  }
  std::vector<const TermVector*> negatives = disliked;
  for (const auto& n : ref.negatives) negatives.push_back(n.get());
  auto scorer = std::make_shared<const LinearScorer>(fit_linear_svm(liked, negatives));
  std::lock_guard lock(mutex_);
  if (scorers_.size() >= kScorerCache) scorers_.clear();
  scorers_[key] = scorer;
  return scorer;
}

Result<FeedPage> FeedEngine::feed(const ReaderInterests& reader, const FeedQuery& query, store::Catalog& catalog,
                                  search::Searcher& searcher) {
  auto ref = reference(catalog);
  ReaderSignals signals;
  signals.followed.insert(reader.followed.begin(), reader.followed.end());
  signals.categories.insert(reader.categories.begin(), reader.categories.end());

  // The reader's own works are what they like most, and are never news to them.
  std::vector<std::int64_t> own;
  std::unordered_set<std::int64_t> own_set;
  if (reader.claimed) {
    signals.self.insert(*reader.claimed);
    own = catalog.researcher_work_ids(*reader.claimed, 2000);
    own_set.insert(own.begin(), own.end());
  }
  std::vector<std::int64_t> positive_ids(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(std::min(own.size(), kMaxPositives)));
  positive_ids.insert(positive_ids.end(), reader.saved.begin(), reader.saved.end());
  positive_ids.insert(positive_ids.end(), reader.liked.begin(), reader.liked.end());
  std::vector<store::WorkSummary> positives = catalog.works_by_ids(positive_ids);
  std::vector<std::shared_ptr<const TermVector>> positive_vectors, negative_vectors;
  std::vector<const TermVector*> liked, disliked;
  for (const auto& w : positives) liked.push_back(positive_vectors.emplace_back(vector_of(w, *ref)).get());
  for (const auto& w : catalog.works_by_ids(reader.dismissed))
    disliked.push_back(negative_vectors.emplace_back(vector_of(w, *ref)).get());
  auto scorer = scorer_for(reader, liked, disliked, *ref);
  signals.scorer = *scorer;

  Candidates candidates;
  for (model::ResearcherId r : reader.followed) add_candidates(candidates, catalog.researcher_work_ids(r, kWorksPerFollowed), r);
  std::unordered_map<model::ResearcherId, std::string> names;
  if (reader.claimed)
    if (auto profile = catalog.profile(*reader.claimed)) {
      size_t taken = 0;
      for (const auto& c : profile->collaborators) {
        model::ResearcherId id = model::parse_researcher_id(c.id);
        if (!id || taken++ == kCoauthors) continue;
        names[id] = c.name;
        CoauthorLink link;
        for (auto w : catalog.researcher_work_ids(id, 500))
          if (own_set.count(w)) {
            ++link.works;
            if (!link.example_work) link.example_work = w;
          }
        signals.coauthors[id] = link;
        add_candidates(candidates, catalog.researcher_work_ids(id, kWorksPerCoauthor), id);
      }
    }
  if (!positive_ids.empty()) {
    std::vector<std::int64_t> examples(positive_ids.begin(), positive_ids.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(positive_ids.size(), 50)));
    auto like = searcher.works_like(examples, std::nullopt, kLikeCandidates);
    if (like) add_candidates(candidates, *like);
  }
  for (const auto& topic : reader.topics) {  // the works that best match the topic's words
    search::WorkQuery q;
    q.text = topic;
    q.limit = kTopicCandidates;
    add_candidates(candidates, hit_ids(searcher.works(q)), 0, topic);
  }
  for (const auto& category : reader.categories) {
    auto filter = search::parse_work_filter("category:" + category, nullptr);
    if (!filter) return filter.error();
    search::WorkQuery q;
    q.filter = *filter;
    q.sort = search::WorkSort::date_desc;
    q.limit = kCategoryCandidates;
    add_candidates(candidates, hit_ids(searcher.works(q)));
  }
  if (reader.empty()) {  // a visitor: what is new
    search::WorkQuery q;
    q.sort = search::WorkSort::date_desc;
    q.limit = kRecentCandidates;
    add_candidates(candidates, hit_ids(searcher.works(q)));
  }
  for (auto id : reader.dismissed) candidates.erase(id);
  for (auto id : own) candidates.erase(id);

  std::vector<std::int64_t> ids;
  for (const auto& [id, _] : candidates) ids.push_back(id);
  std::sort(ids.begin(), ids.end());
  std::vector<store::WorkSummary> works = catalog.works_by_ids(ids);
  int newest = 0;
  for (const auto& w : works) newest = std::max(newest, day_of(w));

  struct Ranked {
    size_t work;
    ScoredWork scored;
    int day;
    std::shared_ptr<const TermVector> vector;
  };
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < works.size(); ++i) {
    const auto& w = works[i];
    if (!query.category.empty() && std::find(w.categories.begin(), w.categories.end(), query.category) == w.categories.end())
      continue;
    int day = day_of(w);
    if (query.days > 0 && (day == 0 || day < newest - query.days)) continue;
    auto v = vector_of(w, *ref);
    const Provenance& from = candidates[w.id];
    CandidateWork cw{w.id, day, from.authors, w.categories, from.topics, v.get()};
    ranked.push_back({i, score_work(cw, signals, RankWeights{}, newest), day, v});
  }
  std::sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
    if (query.sort == FeedSort::date && a.day != b.day) return a.day > b.day;
    if (a.scored.score != b.scored.score) return a.scored.score > b.scored.score;
    return works[a.work].id > works[b.work].id;
  });

  FeedPage page;
  page.total = ranked.size();
  std::unordered_set<std::int64_t> saved(reader.saved.begin(), reader.saved.end());
  std::unordered_map<std::int64_t, std::string> titles;
  for (const auto& w : positives) titles[w.id] = w.title;
  for (size_t r = query.offset; r < ranked.size() && page.items.size() < query.limit; ++r) {
    Ranked& item = ranked[r];
    FeedItem out;
    out.work = std::move(works[item.work]);
    out.score = display_score(item.scored.score);
    out.saved = saved.count(out.work.id) > 0;
    for (auto& reason : item.scored.reasons) {
      if (reason.kind == Reason::Kind::followed) {
        if (!names.count(reason.researcher))
          if (auto p = catalog.profile(reason.researcher)) names[reason.researcher] = p->display_name;
        reason.name = names[reason.researcher];
      } else if (reason.kind == Reason::Kind::coauthor) {
        const CoauthorLink& link = signals.coauthors[reason.researcher];
        if (link.example_work && !titles.count(link.example_work))
          for (const auto& w : catalog.works_by_ids({link.example_work})) titles[w.id] = w.title;
        reason.work = link.example_work;
        reason.name = link.example_work ? titles[link.example_work] : "";
      } else if (reason.kind == Reason::Kind::similar) {
        // The reader's work it is closest to.
        double best = 0;
        for (size_t p = 0; p < positives.size(); ++p)
          if (double d = dot(*item.vector, *liked[p]); d > best && positives[p].id != out.work.id) {
            best = d;
            reason.work = positives[p].id;
            reason.name = positives[p].title;
            reason.via = own_set.count(positives[p].id) ? "" : saved.count(positives[p].id) ? "saved" : "liked";
          }
      }
      out.reasons.push_back(std::move(reason));
    }
    for (const auto& a : out.work.author_affiliations)
      if (!a.empty()) {
        out.affiliation_tag = affiliation_tag(a);
        break;
      }
    if (out.affiliation_tag.empty() && !out.work.author_ids.empty() && out.work.author_ids[0])
      if (auto p = catalog.profile(out.work.author_ids[0])) out.affiliation_tag = affiliation_tag(p->affiliation);
    // The words that weighed most, as the work writes them.
    if (!scorer->empty()) {
      std::vector<std::string> texts = term_texts(out.work.title, out.work.abstract);
      for (const auto& [term, weight] : scorer->top_terms(*item.vector, 5))
        for (const auto& t : texts)
          if (term_id(t) == term) {
            out.top_terms.push_back(t);
            break;
          }
    }
    page.items.push_back(std::move(out));
  }
  return page;
}

}  // namespace bzpeer::feed

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
constexpr size_t kLikeCandidates = 200, kCategoryCandidates = 50, kTopicCandidates = 50,
                           kRecentCandidates = 100;
constexpr size_t kFactsCache = 300000;   // works
constexpr size_t kPerReaderCache = 10000;  // scorers and relevance-feedback candidates

std::uint64_t fingerprint(const ReaderInterests& r) {
  std::string key = std::to_string(r.claimed ? r.claimed->value() : 0) + "|";
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

void add_candidates(Candidates& c, const std::vector<std::int64_t>& ids, model::ResearcherId through = {},
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

namespace {

// A work's date, categories and term counts: stored by the last build, or else (a work
// ingested or changed since) counted from its text now.
struct CountedWork {
  store::WorkFeatures features;
  TermCounts counts;
};

Result<std::vector<CountedWork>> counted_works(store::WorkFeatureStore& store, const std::vector<std::int64_t>& ids) {
  auto features = store.work_features(ids);
  if (!features) return features.error();
  std::vector<CountedWork> out;
  std::unordered_map<std::int64_t, size_t> uncounted;  // work id -> index in out
  for (auto& f : *features) {
    std::optional<TermCounts> counts;
    if (f.terms) counts = decode_terms(*f.terms);
    if (!counts) uncounted[f.id] = out.size();
    out.push_back({std::move(f), counts ? std::move(*counts) : TermCounts{}});
  }
  if (uncounted.empty()) return out;
  std::vector<std::int64_t> missing;
  for (const auto& [id, _] : uncounted) missing.push_back(id);
  auto texts = store.work_texts(missing);
  if (!texts) return texts.error();
  for (const auto& t : *texts) out[uncounted[t.id]].counts = count_terms(t.title, t.abstract);
  return out;
}

}  // namespace

Result<std::shared_ptr<const FeedEngine::Reference>> FeedEngine::reference(store::Catalog& catalog) {
  auto revision_read = catalog.reader().works_revision();
  if (!revision_read) return revision_read.error();
  const std::int64_t revision = *revision_read;
  {
    std::lock_guard lock(mutex_);
    if (reference_ && reference_revision_ == revision) return reference_;
  }
  // An even sample of the catalog by id: document frequencies need no more.
  auto ref = std::make_shared<Reference>();
  auto work_count = catalog.reader().work_count();
  if (!work_count) return work_count.error();
  const auto works = static_cast<std::int64_t>(*work_count);
  const std::int64_t step = std::max<std::int64_t>(1, works / static_cast<std::int64_t>(kReferenceSample));
  std::vector<std::int64_t> ids;
  for (std::int64_t id = 1; id <= works; id += step) ids.push_back(id);
  auto sample = counted_works(catalog.features(), ids);
  if (!sample) return sample.error();
  for (const auto& w : *sample) ref->df.add(w.counts);
  std::mt19937_64 rng(revision);
  std::shuffle(sample->begin(), sample->end(), rng);
  for (size_t i = 0; i < sample->size() && ref->negatives.size() < kNegativeSample; ++i)
    ref->negatives.push_back(std::make_shared<TermVector>(tfidf((*sample)[i].counts, ref->df)));
  std::lock_guard lock(mutex_);
  reference_ = ref;
  reference_revision_ = revision;
  facts_.clear();
  scorers_.clear();
  like_.clear();
  return std::shared_ptr<const Reference>(ref);
}

Result<std::vector<std::shared_ptr<const FeedEngine::WorkFacts>>> FeedEngine::facts_for(
    const std::vector<std::int64_t>& ids, store::Catalog& catalog, const Reference& ref) {
  std::unordered_map<std::int64_t, std::shared_ptr<const WorkFacts>> found;
  std::vector<std::int64_t> missing;
  {
    std::lock_guard lock(mutex_);
    for (auto id : ids) {
      if (auto it = facts_.find(id); it != facts_.end())
        found[id] = it->second;
      else
        missing.push_back(id);
    }
  }
  if (!missing.empty()) {
    auto counted = counted_works(catalog.features(), missing);
    if (!counted) return counted.error();
    std::lock_guard lock(mutex_);
    if (facts_.size() + counted->size() > kFactsCache) facts_.clear();
    for (auto& w : *counted) {
      auto f = std::make_shared<const WorkFacts>(WorkFacts{w.features.id, day_of_work(w.features.date, w.features.year),
                                                           std::move(w.features.categories), tfidf(w.counts, ref.df)});
      facts_[f->id] = f;
      found[f->id] = std::move(f);
    }
  }
  std::vector<std::shared_ptr<const WorkFacts>> out;  // in the order asked
  for (auto id : ids)
    if (auto it = found.find(id); it != found.end()) out.push_back(it->second);
  return out;
}

std::vector<std::int64_t> FeedEngine::works_like(const std::vector<std::int64_t>& examples, search::Searcher& searcher) {
  std::string key;
  for (auto id : examples) key += std::to_string(id) + ",";
  const std::uint64_t hash = text::stable_hash(key);
  {
    std::lock_guard lock(mutex_);
    if (auto it = like_.find(hash); it != like_.end()) return it->second;
  }
  auto like = searcher.works_like(examples, std::nullopt, kLikeCandidates);
  std::vector<std::int64_t> ids = like ? std::move(*like) : std::vector<std::int64_t>{};
  std::lock_guard lock(mutex_);
  if (like_.size() >= kPerReaderCache) like_.clear();
  like_[hash] = ids;
  return ids;
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
  if (scorers_.size() >= kPerReaderCache) scorers_.clear();
  scorers_[key] = scorer;
  return scorer;
}

Result<FeedPage> FeedEngine::feed(const ReaderInterests& reader, const FeedQuery& query, store::Catalog& catalog,
                                  search::Searcher& searcher) {
  auto reference_now = reference(catalog);
  if (!reference_now) return reference_now.error();
  const std::shared_ptr<const Reference> ref = *reference_now;
  ReaderSignals signals;
  signals.followed.insert(reader.followed.begin(), reader.followed.end());
  signals.categories.insert(reader.categories.begin(), reader.categories.end());

  // The reader's own works are what they like most, and are never news to them.
  std::vector<std::int64_t> own;
  std::unordered_set<std::int64_t> own_set;
  if (reader.claimed) {
    signals.self.insert(*reader.claimed);
    auto mine = catalog.reader().researcher_work_ids(*reader.claimed, 2000);
    if (!mine) return mine.error();
    own = std::move(*mine);
    own_set.insert(own.begin(), own.end());
  }
  std::vector<std::int64_t> positive_ids(own.begin(), own.begin() + static_cast<std::ptrdiff_t>(std::min(own.size(), kMaxPositives)));
  positive_ids.insert(positive_ids.end(), reader.saved.begin(), reader.saved.end());
  positive_ids.insert(positive_ids.end(), reader.liked.begin(), reader.liked.end());
  // From the cache once seen: a repeated feed reads none of these works again.
  auto positive_facts = facts_for(positive_ids, catalog, *ref);
  if (!positive_facts) return positive_facts.error();
  auto negative_facts = facts_for(reader.dismissed, catalog, *ref);
  if (!negative_facts) return negative_facts.error();
  const std::vector<std::shared_ptr<const WorkFacts>>& positives = *positive_facts;
  const std::vector<std::shared_ptr<const WorkFacts>>& negatives = *negative_facts;
  std::vector<const TermVector*> liked, disliked;
  for (const auto& f : positives) liked.push_back(&f->vector);
  for (const auto& f : negatives) disliked.push_back(&f->vector);
  auto scorer = scorer_for(reader, liked, disliked, *ref);
  signals.scorer = scorer;

  Candidates candidates;
  store::CatalogReader& works = catalog.reader();
  for (model::ResearcherId r : reader.followed) {
    auto theirs = works.researcher_work_ids(r, kWorksPerFollowed);
    if (!theirs) return theirs.error();
    add_candidates(candidates, *theirs, r);
  }
  std::unordered_map<model::ResearcherId, std::string> names;
  if (reader.claimed) {
    auto profile = works.profile(*reader.claimed);
    if (!profile) return profile.error();
    if (*profile) {
      size_t taken = 0;
      for (const auto& c : (*profile)->collaborators) {
        model::ResearcherId id = model::parse_researcher_id(c.id);
        if (!id || taken++ == kCoauthors) continue;
        names[id] = c.name;
        CoauthorLink link;
        auto newest = works.researcher_work_ids(id, 500);
        if (!newest) return newest.error();
        std::vector<std::int64_t>& theirs = *newest;
        for (auto w : theirs)
          if (own_set.count(w)) {
            ++link.works;
            if (!link.example_work) link.example_work = w;
          }
        signals.coauthors[id] = link;
        theirs.resize(std::min(theirs.size(), kWorksPerCoauthor));
        add_candidates(candidates, theirs, id);
      }
    }
  }
  if (!positive_ids.empty()) {
    std::vector<std::int64_t> examples(positive_ids.begin(), positive_ids.begin() + static_cast<std::ptrdiff_t>(std::min<size_t>(positive_ids.size(), 50)));
    add_candidates(candidates, works_like(examples, searcher));
  }
  for (const auto& topic : reader.topics) {  // the works that best match the topic's words
    search::WorkQuery q;
    q.text = topic;
    q.limit = kTopicCandidates;
    add_candidates(candidates, hit_ids(searcher.works(q)), {}, topic);
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
  auto candidate_facts = facts_for(ids, catalog, *ref);
  if (!candidate_facts) return candidate_facts.error();
  const std::vector<std::shared_ptr<const WorkFacts>>& facts = *candidate_facts;
  int newest = 0;
  for (const auto& f : facts) newest = std::max(newest, f->day);

  struct Ranked {
    std::shared_ptr<const WorkFacts> facts;
    ScoredWork scored;
  };
  std::vector<Ranked> ranked;
  for (auto& f : facts) {
    if (!query.category.empty() &&
        std::find(f->categories.begin(), f->categories.end(), query.category) == f->categories.end())
      continue;
    if (query.days > 0 && (f->day == 0 || f->day < newest - query.days)) continue;
    const Provenance& from = candidates[f->id];
    CandidateWork cw{f->id, f->day, from.authors, f->categories, from.topics, &f->vector};
    ranked.push_back({f, score_work(cw, signals, RankWeights{}, newest)});
  }
  std::sort(ranked.begin(), ranked.end(), [&](const Ranked& a, const Ranked& b) {
    if (query.sort == FeedSort::date && a.facts->day != b.facts->day) return a.facts->day > b.facts->day;
    if (a.scored.score != b.scored.score) return a.scored.score > b.scored.score;
    return a.facts->id > b.facts->id;
  });
  // Only the works of this page are read whole.
  std::vector<std::int64_t> page_ids;
  for (size_t r = query.offset; r < ranked.size() && page_ids.size() < query.limit; ++r) page_ids.push_back(ranked[r].facts->id);
  std::unordered_map<std::int64_t, store::WorkSummary> page_works;
  auto page_read = works.works_by_ids(page_ids);
  if (!page_read) return page_read.error();
  for (auto& w : *page_read) page_works.emplace(w.id, std::move(w));

  FeedPage page;
  page.total = ranked.size();
  std::unordered_set<std::int64_t> saved(reader.saved.begin(), reader.saved.end());
  // Titles of the reader's works that reasons name, read once for the page.
  std::unordered_map<std::int64_t, std::string> titles;
  // Reads that fail while the page is dressed end the request after the loop.
  Status dressed = Ok{};
  auto title_of = [&](std::int64_t work) -> const std::string& {
    if (!titles.count(work)) {
      auto read = works.works_by_ids({work});
      if (!read) dressed = read.error();
      else
        for (const auto& w : *read) titles[w.id] = w.title;
    }
    return titles[work];
  };
  auto profile_of = [&](model::ResearcherId id) -> std::optional<model::ResearcherProfile> {
    auto read = works.profile(id);
    if (!read) {
      dressed = read.error();
      return std::nullopt;
    }
    return std::move(*read);
  };
  for (size_t r = query.offset; r < ranked.size() && r < query.offset + query.limit; ++r) {
    Ranked& item = ranked[r];
    auto found = page_works.find(item.facts->id);
    if (found == page_works.end()) continue;  // removed since its facts were cached
    FeedItem out;
    out.work = std::move(found->second);
    out.score = display_score(item.scored.score);
    out.saved = saved.count(out.work.id) > 0;
    for (auto& reason : item.scored.reasons) {
      if (reason.kind == Reason::Kind::followed) {
        if (!names.count(reason.researcher))
          if (auto p = profile_of(reason.researcher)) names[reason.researcher] = p->display_name;
        reason.name = names[reason.researcher];
      } else if (reason.kind == Reason::Kind::coauthor) {
        const CoauthorLink& link = signals.coauthors[reason.researcher];
        reason.work = link.example_work;
        reason.name = link.example_work ? title_of(link.example_work) : "";
      } else if (reason.kind == Reason::Kind::similar) {
        // The reader's work it is closest to.
        double best = 0;
        for (const auto& p : positives)
          if (double d = dot(item.facts->vector, p->vector); d > best && p->id != out.work.id) {
            best = d;
            reason.work = p->id;
          }
        if (reason.work) {
          reason.name = title_of(reason.work);
          reason.via = own_set.count(reason.work) ? "" : saved.count(reason.work) ? "saved" : "liked";
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
      if (auto p = profile_of(out.work.author_ids[0])) out.affiliation_tag = affiliation_tag(p->affiliation);
    // The words that weighed most, as the work writes them.
    if (!scorer->empty()) {
      std::vector<std::string> texts = term_texts(out.work.title, out.work.abstract);
      for (const auto& [term, weight] : scorer->top_terms(item.facts->vector, 5))
        for (const auto& t : texts)
          if (term_id(t) == term) {
            out.top_terms.push_back(t);
            break;
          }
    }
    page.items.push_back(std::move(out));
  }
  if (!dressed) return dressed.error();
  return page;
}

}  // namespace bzpeer::feed

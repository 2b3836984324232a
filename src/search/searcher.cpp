#include "search/searcher.hpp"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <unordered_map>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "core/text.hpp"
#include "search/bm25.hpp"
#include "search/champions.hpp"
#include "search/index_checksums.hpp"
#include "search/filter_query.hpp"
#include "search/query_check.hpp"
#include "search/schema.hpp"
#include "search/speller.hpp"
#include "search/spelling_plan.hpp"

namespace bzpeer::search {

namespace fs = std::filesystem;

namespace {

constexpr Xapian::doccount kFacetValues = 20;

// A facet's values, most frequent first (ties by value). A list slot's joined values
// ("cs.CL\x1fcs.LG") are split, each item counted once for each work that has it.
std::vector<FacetCount> facet_counts(const Xapian::ValueCountMatchSpy& spy, bool list_slot, Facet facet) {
  std::vector<FacetCount> out;
  if (!list_slot) {
    for (auto v = spy.top_values_begin(kFacetValues); v != spy.top_values_end(kFacetValues); ++v)
      out.push_back({facet_label(facet, *v), v.get_termfreq()});
    return out;
  }
  std::map<std::string, size_t> counts;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
    const std::string value = *v;
    for (size_t at = 0; at < value.size();) {
      size_t end = value.find(kListSeparator, at);
      if (end == std::string::npos) end = value.size();
      if (end > at) counts[value.substr(at, end - at)] += v.get_termfreq();
      at = end + 1;
    }
  }
  for (const auto& [value, count] : counts) out.push_back({value, count});
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) { return x.count != y.count ? x.count > y.count : x.value < y.value; });
  if (out.size() > kFacetValues) out.resize(kFacetValues);
  return out;
}

constexpr unsigned kParseFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                 Xapian::QueryParser::FLAG_LOVEHATE;

// Words too common to rank by: dropped from queries (not from phrases), which also keeps
// OR queries over a million works from walking huge posting lists.
const Xapian::SimpleStopper& stopper() {
  static const auto* words = [] {
    auto* s = new Xapian::SimpleStopper;
    for (const char* w : {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it",
                          "of", "on", "or", "that", "the", "to", "via", "with", "without", "we", "our", "its", "this"})
      s->add(w);
    return s;
  }();
  return *words;
}

void configure(Xapian::QueryParser& parser, const Xapian::Database& db) {
  parser.set_database(db);
  parser.set_stemmer(stemmer());
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_stopper(&stopper());
  parser.set_default_op(Xapian::Query::OP_OR);
}

// Parses `text` as a query; operators in the wrong place ("Ranking AND") read as plain words.
Xapian::Query parse(Xapian::QueryParser& parser, const std::string& text) {
  try {
    return parser.parse_query(text, kParseFlags);
  } catch (const Xapian::QueryParserError&) {
    return parser.parse_query(text, Xapian::QueryParser::FLAG_PHRASE);
  }
}

// Parses `text`, or its spelling correction when it has one (set in `corrected`). A
// misspelt word that was corrected is not in the index at all, so the corrected query
// matches everything the original could and ranks each word once.
Xapian::Query parse_with_correction(Xapian::QueryParser& parser, const Xapian::Database& db, const Speller& speller,
                                    const std::string& text, std::string& corrected) {
  const SpellingPlan plan(speller, text);
  corrected = plan.corrected_text(words_in_index(db, plan.probes()));
  return parse(parser, corrected.empty() ? text : corrected);
}

// True when `q` is words and nothing else: one term, or terms ORed.
bool bag_of_words(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) return true;
  if (q.get_type() != Xapian::Query::OP_OR) return false;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (q.get_subquery(i).get_type() != Xapian::Query::LEAF_TERM) return false;
  return true;
}

// The works of a page; their titles too when asked for. A title is a document read,
// which on a remote shard is one exchange a hit (Xapian 1.4 has no pipelined document
// fetch for the remote backend: MSet::fetch() asks one document at a time), so the
// pages, which read their works from the catalog by id, ask for none.
void page_hits(const Xapian::MSet& mset, bool titles, std::vector<WorkHit>& hits) {
  for (auto it = mset.begin(); it != mset.end(); ++it)
    hits.push_back({static_cast<std::int64_t>(*it), it.get_weight(), titles ? it.get_document().get_data() : std::string()});
}

// The deepest result a champion-list query serves; deeper pages walk every list.
constexpr Xapian::doccount kChampionDepth = 200;

// How many candidates are scored again with every word, at least.
constexpr Xapian::doccount kRescoreDepth = 40;
// How deep the rarer words' own ranking is read for candidates.
constexpr Xapian::doccount kRareDepth = 100;

// The words of a bag of words, each with how often the query has it.
std::map<std::string, Xapian::termcount> query_words(const Xapian::Query& words) {
  std::map<std::string, Xapian::termcount> out;
  for (auto t = words.get_terms_begin(); t != words.get_terms_end(); ++t) ++out[*t];
  return out;
}

// What the champion lists give a bag of words: the candidates to score exactly, and
// how many works match any word.
struct ChampionPick {
  std::vector<Xapian::docid> candidates;
  Xapian::doccount estimate = 0;
};

// The best `depth` candidates of `words` (a bag of words) when some of its words are
// common: the champions of the common words, scored from their lists, and the best works
// of the rarer words (their full lists), each with its score from both. The number of
// matches is estimated from the words' frequencies as if they were independent (exact
// for one word), which asks no shard anything. None when no word is common.
// `probes` (words no work is expected to have: SpellingPlan) ride with the rarer words'
// match, which then sets `probes_in_index` to those the index has after all; a probe
// that matches nothing changes no weight or rank.
std::optional<ChampionPick> champion_candidates(const Xapian::Database& works, const Xapian::Query& words,
                                                const Champions& champions, Xapian::doccount depth,
                                                const std::vector<std::string>& probes = {},
                                                std::optional<std::set<std::string>>* probes_in_index = nullptr) {
  auto counted = query_words(words);
  std::unordered_map<Xapian::docid, double> scores;
  std::vector<Xapian::Query> rare;
  std::vector<std::string> rare_words;
  const Xapian::doccount documents = works.get_doccount();
  double none = 1;  // the chance that a work has none of the words
  Xapian::doccount most = 0;
  auto count_in = [&](Xapian::doccount termfreq) {
    none *= 1 - std::min(1.0, static_cast<double>(termfreq) / std::max<Xapian::doccount>(documents, 1));
    most = std::max(most, termfreq);
  };
  for (const auto& [word, wqf] : counted) {
    if (champions.has(word)) {
      champions.add_scores(word, bm25::term_weight(documents, champions.termfreq(word), wqf), scores);
      count_in(champions.termfreq(word));
    } else {
      rare.emplace_back(word, wqf);
      rare_words.push_back(word);
    }
  }
  if (rare.size() == counted.size()) return std::nullopt;
  if (!rare.empty() || !probes.empty()) {
    for (const auto& probe : probes) rare.emplace_back(probe);
    Xapian::Enquire enquire(works);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, rare.begin(), rare.end()));
    auto best = enquire.get_mset(0, kRareDepth);
    for (auto it = best.begin(); it != best.end(); ++it) scores[*it] += it.get_weight();
    for (const auto& word : rare_words) count_in(best.get_termfreq(word));
    if (probes_in_index) {
      probes_in_index->emplace();
      for (const auto& probe : probes)
        if (best.get_termfreq(probe) > 0) (*probes_in_index)->insert(probe);
    }
  }
  ChampionPick pick;
  pick.estimate = std::max(most, static_cast<Xapian::doccount>(std::llround(documents * (1 - none))));
  std::vector<std::pair<double, Xapian::docid>> ranked;
  ranked.reserve(scores.size());
  for (const auto& [docid, score] : scores) ranked.emplace_back(-score, docid);
  const size_t keep = std::min<size_t>(depth, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep), ranked.end());
  for (size_t i = 0; i < keep; ++i) pick.candidates.push_back(ranked[i].second);
  return pick;
}

// The `candidates` scored by BM25 with every word of `words` (their full lists, skipped
// to just those works), in exact BM25 order, paged into `hits`; the MSet also carries
// the words' statistics.
Xapian::MSet rescored_champions(const Xapian::Database& works, const Xapian::Query& words,
                                const std::vector<Xapian::docid>& candidates, Xapian::doccount offset,
                                Xapian::doccount limit, bool titles, std::vector<WorkHit>& hits) {
  std::vector<Xapian::Query> ids;
  for (Xapian::docid docid : candidates) ids.emplace_back(prefix::work_id + std::to_string(docid));
  Xapian::Enquire exact(works);
  exact.set_query(Xapian::Query(Xapian::Query::OP_FILTER, words, Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end())));
  auto mset = exact.get_mset(offset, limit);
  page_hits(mset, titles, hits);
  return mset;
}

Error query_error(const Xapian::Error& e) {
  return Error{ErrorCode::invalid_input, "the query cannot be parsed: " + e.get_msg()};
}

}  // namespace

// The matched words of one result set: Xapian's MSet makes the snippets.
class Highlighter {
 public:
  explicit Highlighter(Xapian::MSet mset) : mset_(std::move(mset)) {}
  std::string snippet(const std::string& text, size_t length) const {
    return mset_.snippet(text, length, stemmer(), Xapian::MSet::SNIPPET_EXHAUSTIVE, "<mark>", "</mark>", "…");
  }

 private:
  Xapian::MSet mset_;
};

std::string WorkResults::snippet(const std::string& text, size_t length) const {
  if (!highlighter) return Highlighter(Xapian::MSet()).snippet(text, length);  // escaped, nothing marked
  return highlighter->snippet(text, length);
}

struct Searcher::Impl {
  explicit Impl(SearchPlace place) : place_(std::move(place)) {}

  Status open_all();
  Status open_works(const std::string& works_dir);
  void refresh();
  Result<WorkResults> works_once(const WorkQuery& query);
  Result<std::vector<std::int64_t>> works_like_once(const std::vector<std::int64_t>& examples,
                                                    const std::optional<WorkFilter>& filter, Xapian::doccount limit);
  // A build updates the works index in place: a reader on an older revision reopens it
  // once and asks again.
  template <typename Once>
  auto reopening_once(Once&& once) -> decltype(once()) {
    if (!works_open_) return unavailable_;
    try {
      return once();
    } catch (const Xapian::DatabaseModifiedError&) {
      works_.reopen();
      reopened_in_place();
      return once();
    }
  }
  // The error of a failed search of works; a shard that stopped answering is reopened by
  // the next refresh.
  Error works_failed(const Xapian::Error& e, const std::string& what);
  // The words of `text` as a phrase of author names, when 2 to 4 words that some
  // researcher's name holds all of; else nothing.
  std::optional<Xapian::Query> author_phrase(const std::string& text);
  void reopened_in_place();
  // The spelling dictionary of an index, read when a query first needs it.
  static const Speller& speller(const std::vector<Xapian::Database>& shards, std::shared_ptr<const Speller>& slot);

  SearchPlace place_;
  std::string current_stamp_;
  std::chrono::steady_clock::time_point last_refresh_ = std::chrono::steady_clock::now();
  std::vector<Xapian::Database> works_shards_;
  Xapian::Database works_, researchers_, topics_;
  bool works_open_ = false;  // false: the remote shards are not answering
  Error unavailable_;
  std::shared_ptr<const Champions> champions_;  // null: walk every list
  std::shared_ptr<const Speller> works_speller_, researchers_speller_, topics_speller_;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const SearchPlace& place) {
  auto impl = std::make_unique<Impl>(place);
  try {
    if (auto opened = impl->open_all(); !opened) return opened.error();
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::not_found, "no search index under " + place.data_dir + "/search (" + e.get_msg() +
                                                "): run `bzpeer build`");
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

void Searcher::refresh() { impl_->refresh(); }

Status Searcher::Impl::open_all() {
  auto paths = current_index_paths(place_.data_dir);
  if (paths.works.empty()) throw Xapian::DatabaseOpeningError("CURRENT is missing");
  // Damaged files are not searched (remote shards are their servers' to check).
  for (const std::string* dir : {&paths.researchers, &paths.topics})
    if (auto sound = verify_checksums_once(*dir); !sound) return sound.error();
  if (place_.remote.empty())
    if (auto sound = verify_checksums_once(paths.works); !sound) return sound.error();
  researchers_ = Xapian::Database(paths.researchers);
  topics_ = Xapian::Database(paths.topics);
  current_stamp_ = paths.works + paths.researchers + paths.topics;
  researchers_speller_.reset();
  topics_speller_.reset();
  return open_works(paths.works);
}

Status Searcher::Impl::open_works(const std::string& works_dir) {
  auto shards = place_.remote.empty() ? open_local_shards(works_dir) : open_remote_shards(place_.remote, place_.timeout_ms);
  works_open_ = shards.ok();
  if (!shards) {
    unavailable_ = shards.error();
    // Shards that do not answer may come back; shards of another index will not.
    return shards.error().code == ErrorCode::unavailable ? Status(Ok{}) : Status(shards.error());
  }
  works_shards_ = std::move(shards->each);
  works_ = std::move(shards->all);
  reopened_in_place();
  return Ok{};
}

void Searcher::Impl::reopened_in_place() {
  // New works in the same shards: new words, and new champion lists.
  champions_ = Champions::load(works_shards_);
  works_speller_.reset();
}

Error Searcher::Impl::works_failed(const Xapian::Error& e, const std::string& what) {
  // NetworkError and NetworkTimeoutError (Xapian's errors are not polymorphic).
  if (std::string_view(e.get_type()).rfind("Network", 0) == 0) {
    works_open_ = false;
    unavailable_ = Error{ErrorCode::unavailable, what + ": a search shard is not answering: " + e.get_msg()};
    return unavailable_;
  }
  return Error{ErrorCode::io, what + ": " + e.get_description()};
}

const Speller& Searcher::Impl::speller(const std::vector<Xapian::Database>& shards, std::shared_ptr<const Speller>& slot) {
  if (!slot) slot = Speller::shared(shards);
  return *slot;
}

void Searcher::Impl::refresh() {
  // At most once a second: a request should not pay for a file read and a reopen.
  auto now = std::chrono::steady_clock::now();
  if (now - last_refresh_ < std::chrono::seconds(1)) return;
  last_refresh_ = now;
  auto paths = current_index_paths(place_.data_dir);
  try {
    if (!paths.works.empty() && paths.works + paths.researchers + paths.topics != current_stamp_) (void)open_all();
    else if (!works_open_) (void)open_works(paths.works);
    else if (works_.reopen()) reopened_in_place();
  } catch (const Xapian::NetworkError& e) {
    (void)works_failed(e, "search");
  } catch (const Xapian::Error&) {
    // Keep serving from the indexes already open.
  }
}

Result<WorkResults> Searcher::works(const WorkQuery& query) {
  return impl_->reopening_once([&] { return impl_->works_once(query); });
}

namespace {
// Expansion terms are words of the text: not the filter terms (X...), ids (Q...) or
// author names (A...), which would pull in a person's works rather than a subject's.
class SubjectTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    if (term.empty()) return false;
    char c = term[0];
    return !(c == 'X' || c == 'Q' || c == 'A' || (c >= '0' && c <= '9'));
  }
};
constexpr Xapian::termcount kExpansionTerms = 40;
constexpr Xapian::doccount kExactCountUpTo = 1000;
}  // namespace

Result<std::vector<std::int64_t>> Searcher::works_like(const std::vector<std::int64_t>& examples,
                                                       const std::optional<WorkFilter>& filter, size_t limit) {
  return impl_->reopening_once(
      [&] { return impl_->works_like_once(examples, filter, static_cast<Xapian::doccount>(limit)); });
}

Result<std::vector<std::int64_t>> Searcher::Impl::works_like_once(const std::vector<std::int64_t>& examples,
                                                                  const std::optional<WorkFilter>& filter,
                                                                  Xapian::doccount limit) {
  std::vector<std::int64_t> out;
  try {
    Xapian::RSet relevant;
    const auto last = works_.get_lastdocid();
    for (std::int64_t id : examples)
      if (id > 0 && static_cast<Xapian::docid>(id) <= last) relevant.add_document(static_cast<Xapian::docid>(id));
    if (relevant.empty()) return out;
    Xapian::Enquire enquire(works_);
    SubjectTerms subject_terms;
    Xapian::ESet terms = enquire.get_eset(kExpansionTerms, relevant, &subject_terms);
    if (terms.empty()) return out;
    std::vector<Xapian::Query> parts;
    for (auto it = terms.begin(); it != terms.end(); ++it) parts.emplace_back(*it);
    Xapian::Query q(Xapian::Query::OP_ELITE_SET, parts.begin(), parts.end(), 20);
    if (filter) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter_query(*filter));
    enquire.set_query(q);
    Xapian::MSet mset = enquire.get_mset(0, limit + static_cast<Xapian::doccount>(relevant.size()));
    for (auto it = mset.begin(); it != mset.end() && out.size() < limit; ++it)
      if (!relevant.contains(*it)) out.push_back(static_cast<std::int64_t>(*it));
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;  // reopening_once asks again
  } catch (const Xapian::Error& e) {
    return works_failed(e, "works like");
  }
  return out;
}

std::optional<Xapian::Query> Searcher::Impl::author_phrase(const std::string& text) {
  std::vector<std::string> words = text::words(text::fold(text));
  if (words.size() < 2 || words.size() > 4) return std::nullopt;
  std::vector<Xapian::Query> name;
  for (const auto& w : words) name.emplace_back(std::string(prefix::author) + w);
  // Only when some researcher carries all the words in their name.
  Xapian::Enquire people(researchers_);
  people.set_query(Xapian::Query(Xapian::Query::OP_AND, name.begin(), name.end()));
  if (people.get_mset(0, 1).empty()) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_PHRASE, name.begin(), name.end());
}

Result<WorkResults> Searcher::Impl::works_once(const WorkQuery& query) {
  const auto offset = static_cast<Xapian::doccount>(query.offset), limit = static_cast<Xapian::doccount>(query.limit);
  auto checked = check_query(query.text);
  if (!checked) return checked.error();
  WorkResults out;
  try {
    Xapian::QueryParser parser;
    configure(parser, works_);
    parser.add_prefix("title", prefix::title);
    parser.add_prefix("author", prefix::author);
    parser.add_prefix("venue", prefix::venue);
    parser.add_prefix("category", prefix::category);
    parser.add_boolean_prefix("type", prefix::type);
    Xapian::NumberRangeProcessor years(slot::year, "year:");
    parser.add_rangeprocessor(&years);
    parser.add_boolean_prefix("year", prefix::year);
    // Free words rank (OR); once a field is named, every part of the query must hold.
    if (!checked->fields.empty()) parser.set_default_op(Xapian::Query::OP_AND);
    // Champion lists serve the first pages of plain words ranked by relevance; a filter,
    // a sort or facet counts need every match.
    const bool champion_shape = champions_ && checked->fields.empty() && !query.filter &&
                                query.sort == WorkSort::relevance && query.facets.empty() &&
                                offset + limit <= kChampionDepth;
    const Xapian::doccount depth = std::max(kRescoreDepth, offset + limit);
    Xapian::Query q = match_all();
    std::optional<ChampionPick> pick;
    if (!checked->text.empty()) {
      const SpellingPlan plan(speller(works_shards_, works_speller_), checked->text);
      // Which probes the index has, once asked. On the champion path the question rides
      // with the rarer words' match, on the guess that every probe is a misspelling:
      // right, and a remote search saves an exchange; wrong, and the answer serves below.
      std::optional<std::set<std::string>> in_index;
      const auto correctable = champion_shape ? plan.correctable_probes() : std::vector<std::string>();
      if (!correctable.empty()) {
        out.corrected = plan.corrected_text({});
        q = parse(parser, out.corrected);
        if (bag_of_words(q)) pick = champion_candidates(works_, q, *champions_, depth, correctable, &in_index);
        if (in_index && !in_index->empty()) pick.reset();
      }
      if (!pick) {
        // The guess's answer covers the probes with a suggestion, the only ones a
        // correction can change.
        if (!in_index) in_index = words_in_index(works_, plan.probes());
        out.corrected = plan.corrected_text(*in_index);
        q = parse(parser, out.corrected.empty() ? checked->text : out.corrected);
        // A few plain words that are a researcher's name ("han hu") rank that person's works
        // first: the name as a phrase among a work's authors adds weight, the other matches stay.
        if (checked->fields.empty() && query.sort == WorkSort::relevance && out.corrected.empty())
          if (auto name = author_phrase(checked->text))
            q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *name, 4.0));
        if (champion_shape && bag_of_words(q)) pick = champion_candidates(works_, q, *champions_, depth);
      }
    }
    if (pick) {
      // The candidates are not the matches: their number is the pick's estimate. The
      // rescoring's MSet gives the snippets their words.
      out.total = pick->estimate;
      out.total_exact = false;
      out.highlighter =
          std::make_shared<const Highlighter>(rescored_champions(works_, q, pick->candidates, offset, limit, query.titles, out.hits));
      return out;
    }
    if (query.filter) q = Xapian::Query(Xapian::Query::OP_FILTER, q, filter_query(*query.filter));

    Xapian::Enquire enquire(works_);
    enquire.set_query(q);
    switch (query.sort) {
      case WorkSort::relevance: break;
      case WorkSort::date_desc: enquire.set_sort_by_value_then_relevance(slot::date, true); break;
      case WorkSort::date_asc: enquire.set_sort_by_value_then_relevance(slot::date, false); break;
      case WorkSort::year_desc: enquire.set_sort_by_value_then_relevance(slot::year, true); break;
      case WorkSort::year_asc: enquire.set_sort_by_value_then_relevance(slot::year, false); break;
    }
    // Facets are counted over the first `facet_check` matches (all of them unless sampled).
    // When the page is sorted by a value they get a relevance-ordered pass of their own:
    // Xapian 1.4's remote matcher shows a spy some works twice under a value sort.
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    const bool sorted = query.sort != WorkSort::relevance;
    Xapian::Enquire counting(works_);
    counting.set_query(q);
    for (Facet facet : query.facets) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(facet_slot(facet)));
      (sorted ? counting : enquire).add_matchspy(spies.back().get());
    }
    // Counts are exact up to kExactCountUpTo matches (meta.count_is_exact says so),
    // whatever the page size; past it Xapian's estimate.
    Xapian::doccount check = std::max(offset + limit, kExactCountUpTo);
    Xapian::doccount facet_check = check;
    if (!spies.empty())
      facet_check = query.facet_sample ? std::max(check, static_cast<Xapian::doccount>(query.facet_sample)) : works_.get_doccount();
    Xapian::MSet mset = enquire.get_mset(offset, limit, sorted ? check : facet_check);
    Xapian::MSet counted = sorted && !spies.empty() ? counting.get_mset(0, 0, facet_check) : mset;
    out.total = counted.get_matches_estimated();
    out.total_exact = counted.get_matches_lower_bound() == counted.get_matches_upper_bound();
    out.highlighter = std::make_shared<const Highlighter>(mset);
    page_hits(mset, query.titles, out.hits);
    for (size_t i = 0; i < spies.size(); ++i)
      out.facets.push_back(facet_counts(*spies[i], is_list_slot(facet_slot(query.facets[i])), query.facets[i]));
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;
  } catch (const Xapian::QueryParserError& e) {
    return query_error(e);
  } catch (const Xapian::Error& e) {
    return works_failed(e, "search failed");
  }
  return out;
}

namespace {

// The researchers and topics indexes are searched alike: every word must match (a name
// or a topic is asked for whole), ranked by relevance or by works, then paged.
Result<Xapian::MSet> search_all_words(const Xapian::Database& db, const Speller& speller, const std::string& text,
                                      Xapian::doccount offset, Xapian::doccount limit, bool works_first) {
  auto checked = check_query(text);
  if (!checked) return checked.error();
  try {
    Xapian::QueryParser parser;
    configure(parser, db);
    parser.set_default_op(Xapian::Query::OP_AND);
    parser.add_prefix("author", prefix::author);
    std::string corrected;
    Xapian::Query q = checked->text.empty() ? match_all()
                                            : parse_with_correction(parser, db, speller, checked->text, corrected);
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    if (works_first) enquire.set_sort_by_value_then_relevance(slot::works_count, true);
    else enquire.set_sort_by_relevance_then_value(slot::works_count, true);
    return enquire.get_mset(offset, limit, offset + limit);
  } catch (const Xapian::QueryParserError& e) {
    return query_error(e);
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::io, "search failed: " + e.get_description());
  }
}

}  // namespace

Result<Hits<ResearcherHit>> Searcher::researchers(const std::string& text, size_t offset, size_t limit) {
  // Every match has all the words asked; of people who share a name, the one with more
  // works comes first (BM25 would favour the thinnest profile).
  auto mset = search_all_words(impl_->researchers_, Impl::speller({impl_->researchers_}, impl_->researchers_speller_), text,
                               static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit),
                               /*works_first=*/true);
  if (!mset) return mset.error();
  Hits<ResearcherHit> out;
  out.total = mset->get_matches_estimated();
  for (auto it = mset->begin(); it != mset->end(); ++it)
    out.hits.push_back({model::ResearcherId(std::stoll(it.get_document().get_data())), it.get_weight()});
  return out;
}

Result<Hits<TopicHit>> Searcher::topics(const std::string& text, size_t offset, size_t limit) {
  auto mset = search_all_words(impl_->topics_, Impl::speller({impl_->topics_}, impl_->topics_speller_), text,
                               static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit),
                               /*works_first=*/false);
  if (!mset) return mset.error();
  Hits<TopicHit> out;
  out.total = mset->get_matches_estimated();
  for (auto it = mset->begin(); it != mset->end(); ++it) {
    auto j = nlohmann::json::parse(it.get_document().get_data());
    out.hits.push_back({{j.value("id", ""), j.value("label", ""), j.value("works_count", 0),
                         j.value("researchers_count", 0)},
                        it.get_weight()});
  }
  return out;
}

}  // namespace bzpeer::search

#include "search/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "core/text.hpp"
#include "search/bm25.hpp"
#include "search/champions.hpp"
#include "search/filter_query.hpp"
#include "search/query_check.hpp"
#include "search/schema.hpp"
#include "search/speller.hpp"

namespace bzpeer::search {

namespace fs = std::filesystem;

namespace {

constexpr Xapian::doccount kFacetValues = 20;

// Counts each item of a list slot (a work's categories) once per matching work, so a
// facet value's count is what a click on it finds.
class ListValueCountSpy final : public Xapian::MatchSpy {
 public:
  explicit ListValueCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(slot_);
    for (size_t at = 0; at < value.size();) {
      size_t end = value.find(kListSeparator, at);
      if (end == std::string::npos) end = value.size();
      if (end > at) ++counts_[value.substr(at, end - at)];
      at = end + 1;
    }
  }
  // Most frequent first, ties by value.
  std::vector<FacetCount> top(Xapian::doccount n) const {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts_) out.push_back({value, count});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.count != b.count ? a.count > b.count : a.value < b.value; });
    if (out.size() > n) out.resize(n);
    return out;
  }

 private:
  Xapian::valueno slot_;
  std::map<std::string, Xapian::doccount> counts_;
};

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

// "Did you mean": each plain word of the query that the index has never seen is replaced
// by its nearest frequent spelling. (Xapian's own correction also rewrites words the
// index has, "all" into "al", so only unknown words are offered to it.) Empty when
// nothing changed.
std::string corrected_query(const Xapian::Database& db, const Speller& speller, const std::string& text) {
  std::string out;
  bool changed = false;
  bool quoted = false;
  for (const auto& token : text::split(text, ' ')) {
    std::string word = token;
    bool plain = !quoted && word.size() >= 3 && word.find_first_of(":\"()+-*") == std::string::npos &&
                 word != "AND" && word != "OR" && word != "NOT";
    if (std::count(token.begin(), token.end(), '"') % 2) quoted = !quoted;
    if (plain) {
      std::string lower = text::fold(word);
      bool alphanumeric = std::all_of(lower.begin(), lower.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
      });
      if (!lower.empty() && alphanumeric && !db.term_exists(lower)) {
        std::string suggestion = speller.suggest(lower);
        if (!suggestion.empty()) {
          word = suggestion;
          changed = true;
        }
      }
    }
    out += (out.empty() ? "" : " ") + word;
  }
  return changed ? out : std::string();
}

// Parses `text`, or its spelling correction when it has one. (A misspelt word that was
// corrected is not in the index at all, so the corrected query matches everything the
// original could and ranks each word once.)
Xapian::Query parse_with_correction(Xapian::QueryParser& parser, const Xapian::Database& db, const Speller& speller,
                                    const std::string& text, std::string& corrected) {
  corrected = corrected_query(db, speller, text);
  const std::string& used = corrected.empty() ? text : corrected;
  try {
    return parser.parse_query(used, kParseFlags);
  } catch (const Xapian::QueryParserError&) {
    // Operators in the wrong place ("Ranking AND"): read the query as plain words.
    return parser.parse_query(used, Xapian::QueryParser::FLAG_PHRASE);
  }
}

// True when `q` is words and nothing else: one term, or terms ORed.
bool bag_of_words(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::LEAF_TERM) return true;
  if (q.get_type() != Xapian::Query::OP_OR) return false;
  for (size_t i = 0; i < q.get_num_subqueries(); ++i)
    if (q.get_subquery(i).get_type() != Xapian::Query::LEAF_TERM) return false;
  return true;
}

// The deepest result a champion-list query serves; deeper pages walk every list.
constexpr Xapian::doccount kChampionDepth = 200;

// `words` (a bag of words) with each common word's full list replaced by its champion
// list; none when no word is common.
std::optional<Xapian::Query> through_champions(const Xapian::Query& words, const Champions& champions,
                                               const Xapian::Database& works) {
  std::vector<Xapian::Query> leaves;
  if (words.get_type() == Xapian::Query::LEAF_TERM) leaves.push_back(words);
  else
    for (size_t i = 0; i < words.get_num_subqueries(); ++i) leaves.push_back(words.get_subquery(i));
  bool any = false;
  for (auto& leaf : leaves) {
    std::string term = *leaf.get_terms_begin();
    if (champions.has(term)) {
      leaf = champions.query(term, works);
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end());
}

// How many of the champion query's best works are scored again with every word.
constexpr Xapian::doccount kRescoreDepth = 20;

// The words of a bag of words, each with how often the query has it.
std::map<std::string, Xapian::termcount> query_words(const Xapian::Query& words) {
  std::map<std::string, Xapian::termcount> out;
  for (auto t = words.get_terms_begin(); t != words.get_terms_end(); ++t) ++out[*t];
  return out;
}

// The works `candidates` ranks best, scored again by BM25 with every word of `words`,
// so that they come in exact BM25 order. Each work's own term list gives its words (a
// lookup a work, where matching the words' full lists would seek into each of them).
std::vector<WorkHit> rescored_champions(const Xapian::Database& works, const Xapian::Query& words,
                                        const Xapian::Query& candidates, Xapian::doccount offset,
                                        Xapian::doccount limit) {
  Xapian::Enquire first(works);
  first.set_query(candidates);
  auto best = first.get_mset(0, std::max(kRescoreDepth, offset + limit));
  std::vector<std::pair<std::string, double>> weighted;  // sorted by word, as term lists are
  for (const auto& [word, wqf] : query_words(words))
    weighted.emplace_back(word, bm25::term_weight(works.get_doccount(), works.get_termfreq(word), wqf));
  double average = works.get_avlength();
  std::vector<WorkHit> hits;
  for (auto it = best.begin(); it != best.end(); ++it) {
    Xapian::docid docid = *it;
    Xapian::termcount length = works.get_doclength(docid);
    double score = 0;
    auto terms = works.termlist_begin(docid);
    for (const auto& [word, weight] : weighted) {
      terms.skip_to(word);
      if (terms == works.termlist_end(docid)) break;
      if (*terms == word) score += weight * bm25::document_part(terms.get_wdf(), length, average);
    }
    hits.push_back({static_cast<std::int64_t>(docid), score, it.get_document().get_data()});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const WorkHit& a, const WorkHit& b) { return a.score > b.score; });
  hits.erase(hits.begin(), hits.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(hits.size())));
  if (hits.size() > limit) hits.resize(limit);
  return hits;
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
  explicit Impl(std::string dir) : data_dir_(std::move(dir)) {}

  void open_all();
  void refresh();
  Result<WorkResults> works_once(const WorkQuery& query);
  Result<std::vector<std::int64_t>> works_like_once(const std::vector<std::int64_t>& examples,
                                                    const std::optional<WorkFilter>& filter, Xapian::doccount limit);
  // A build updates the works index in place: a reader on an older revision reopens it
  // once and asks again.
  template <typename Once>
  auto reopening_once(Once&& once) -> decltype(once()) {
    try {
      return once();
    } catch (const Xapian::DatabaseModifiedError&) {
      works_.reopen();
      reopened_in_place(current_index_paths(data_dir_).works);
      return once();
    }
  }
  // The words of `text` as a phrase of author names, when 2 to 4 words that some
  // researcher's name holds all of; else nothing.
  std::optional<Xapian::Query> author_phrase(const std::string& text);
  void reopened_in_place(const std::string& works_dir);
  // The spelling dictionary of an index, read when a query first needs it.
  static const Speller& speller(const Xapian::Database& db, std::shared_ptr<const Speller>& slot);

  std::string data_dir_;
  std::string current_stamp_;
  std::chrono::steady_clock::time_point last_refresh_ = std::chrono::steady_clock::now();
  Xapian::Database works_, researchers_, topics_;
  std::shared_ptr<const Champions> champions_;  // null: walk every list
  std::shared_ptr<const Speller> works_speller_, researchers_speller_, topics_speller_;
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::open(const std::string& data_dir) {
  auto impl = std::make_unique<Impl>(data_dir);
  try {
    impl->open_all();
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::not_found, "no search index under " + data_dir + "/search (" + e.get_msg() +
                                                "): run `bzpeer build`");
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

size_t Searcher::work_count() const { return impl_->works_.get_doccount(); }

void Searcher::refresh() { impl_->refresh(); }

void Searcher::Impl::open_all() {
  auto paths = current_index_paths(data_dir_);
  if (paths.works.empty()) throw Xapian::DatabaseOpeningError("CURRENT is missing");
  works_ = open_works(paths.works);
  researchers_ = Xapian::Database(paths.researchers);
  topics_ = Xapian::Database(paths.topics);
  current_stamp_ = paths.works + paths.researchers + paths.topics;
  champions_ = Champions::load(paths.works);
  works_speller_.reset();
  researchers_speller_.reset();
  topics_speller_.reset();
}

void Searcher::Impl::reopened_in_place(const std::string& works_dir) {
  // A build added works to the same shards: new words, and new champion lists.
  champions_ = Champions::load(works_dir);
  works_speller_.reset();
}

const Speller& Searcher::Impl::speller(const Xapian::Database& db, std::shared_ptr<const Speller>& slot) {
  if (!slot) slot = Speller::shared(db);
  return *slot;
}

void Searcher::Impl::refresh() {
  // At most once a second: a request should not pay for a file read and a reopen.
  auto now = std::chrono::steady_clock::now();
  if (now - last_refresh_ < std::chrono::seconds(1)) return;
  last_refresh_ = now;
  auto paths = current_index_paths(data_dir_);
  try {
    if (!paths.works.empty() && paths.works + paths.researchers + paths.topics != current_stamp_) open_all();
    else if (works_.reopen()) reopened_in_place(paths.works);
    // A build writes the champion lists after the shards' commit: pick them up then.
    else if (!champions_ && !paths.works.empty()) champions_ = Champions::load(paths.works);
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
    return make_error(ErrorCode::io, "works like: " + e.get_msg());
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
    Xapian::Query q = checked->text.empty() ? Xapian::Query::MatchAll
                                            : parse_with_correction(parser, works_, speller(works_, works_speller_),
                                                                    checked->text, out.corrected);
    // A few plain words that are a researcher's name ("han hu") rank that person's works
    // first: the name as a phrase among a work's authors adds weight, the other matches stay.
    if (checked->fields.empty() && query.sort == WorkSort::relevance && out.corrected.empty())
      if (auto name = author_phrase(checked->text))
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, *name, 4.0));
    // Champion lists serve the first pages of plain words ranked by relevance; a filter,
    // a sort or facet counts need every match.
    bool champion_path = champions_ && checked->fields.empty() && bag_of_words(q) && !query.filter &&
                         query.sort == WorkSort::relevance && query.facets.empty() &&
                         offset + limit <= kChampionDepth;
    if (auto candidates = champion_path ? through_champions(q, *champions_, works_) : std::nullopt) {
      // The candidates are not the matches: their number is estimated from the words'
      // full lists, and that MSet (no items) also gives the snippets their words.
      Xapian::Enquire counter(works_);
      counter.set_query(q);
      Xapian::MSet estimate = counter.get_mset(0, 0);
      out.total = estimate.get_matches_estimated();
      out.total_exact = false;
      out.highlighter = std::make_shared<const Highlighter>(estimate);
      out.hits = rescored_champions(works_, q, *candidates, offset, limit);
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
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    std::vector<std::unique_ptr<ListValueCountSpy>> list_spies;  // parallel, for list slots
    for (Facet facet : query.facets) {
      const Xapian::valueno s = facet_slot(facet);
      spies.push_back(is_list_slot(s) ? nullptr : std::make_unique<Xapian::ValueCountMatchSpy>(s));
      list_spies.push_back(is_list_slot(s) ? std::make_unique<ListValueCountSpy>(s) : nullptr);
      if (spies.back()) enquire.add_matchspy(spies.back().get());
      else enquire.add_matchspy(list_spies.back().get());
    }
    // Counts are exact up to kExactCountUpTo matches (meta.count_is_exact says so),
    // whatever the page size; past it Xapian's estimate.
    Xapian::doccount check = std::max(offset + limit, kExactCountUpTo);
    if (!spies.empty())
      check = query.facet_sample ? std::max(check, static_cast<Xapian::doccount>(query.facet_sample)) : works_.get_doccount();
    Xapian::MSet mset = enquire.get_mset(offset, limit, check);
    out.total = mset.get_matches_estimated();
    out.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    out.highlighter = std::make_shared<const Highlighter>(mset);
    for (auto it = mset.begin(); it != mset.end(); ++it)
      out.hits.push_back({static_cast<std::int64_t>(*it), it.get_weight(), it.get_document().get_data()});
    for (size_t i = 0; i < spies.size(); ++i) {
      std::vector<FacetCount> counts;
      if (list_spies[i]) {
        counts = list_spies[i]->top(kFacetValues);
      } else {
        for (auto v = spies[i]->top_values_begin(kFacetValues); v != spies[i]->top_values_end(kFacetValues); ++v)
          counts.push_back({facet_label(query.facets[i], *v), v.get_termfreq()});
      }
      out.facets.push_back(std::move(counts));
    }
  } catch (const Xapian::DatabaseModifiedError&) {
    throw;
  } catch (const Xapian::QueryParserError& e) {
    return query_error(e);
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::io, "search failed: " + e.get_description());
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
    Xapian::Query q = checked->text.empty() ? Xapian::Query::MatchAll
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
  auto mset = search_all_words(impl_->researchers_, Impl::speller(impl_->researchers_, impl_->researchers_speller_), text,
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
  auto mset = search_all_words(impl_->topics_, Impl::speller(impl_->topics_, impl_->topics_speller_), text,
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

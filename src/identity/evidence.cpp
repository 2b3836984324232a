#include "identity/evidence.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/stemming.hpp"
#include "core/text.hpp"

namespace bzpeer::identity {

namespace {

constexpr size_t kTermsPerWork = 64;

// The hashes of the stemmed useful words of `s`, leaving out the stems in `generic`.
std::vector<std::uint64_t> stemmed_hashes(const std::string& s, std::span<const char* const> generic = {}) {
  std::vector<std::uint64_t> out;
  for (const auto& w : text::words(s)) {
    if (!text::is_content_word(w)) continue;
    const std::string& stemmed = text::english_stem(w);
    if (std::none_of(generic.begin(), generic.end(), [&](const char* g) { return stemmed == g; }))
      out.push_back(text::stable_hash(stemmed));
  }
  return out;
}

std::vector<std::uint64_t> sorted_unique(std::vector<std::uint64_t> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

// Stems every institution has ("University", "Department of"): two signatures at one
// place share the rest.
constexpr const char* kGenericAffiliationWords[] = {"univers", "depart", "dept", "institut", "school",
                                                    "colleg",  "faculti", "laboratori", "lab", "center",
                                                    "centr",   "divis",   "unit",   "program"};

// Stems every kind of venue carries ("Proceedings of the International Conference on
// ..."; "IEEE Trans."): left out, so venues compare by what they are about ("ICDE" and
// "Int. Conf. on Data Engineering" keep what they share).
constexpr const char* kGenericVenueWords[] = {
    "proceed", "proc",   "intern", "intl",   "int",     "confer",  "conf",     "journal", "j",      "ieee",
    "acm",     "workshop", "symposium", "symp", "transact", "tran", "annual", "ann",     "letter", "lett",
    "review",  "editor", "edit",   "eds",    "public",  "press",   "springer", "elsevier", "volum", "vol",
    "part",    "societi", "associ", "meet",  "world",   "congress", "advanc",  "research"};

}  // namespace

std::uint64_t hash_key(const std::string& key) { return text::stable_hash(key); }

void EvidenceBuilder::count_text(const std::string& title, const std::string& abstract) {
  count_stems(distinct_stems(title, abstract));
}

std::vector<std::uint64_t> EvidenceBuilder::distinct_stems(const std::string& title, const std::string& abstract) {
  return sorted_unique(stemmed_hashes(title + " " + abstract));
}

void EvidenceBuilder::count_stems(const std::vector<std::uint64_t>& stems) {
  ++documents_;
  for (auto h : stems) ++df_[h];
}

std::vector<std::pair<std::uint64_t, std::uint32_t>> EvidenceBuilder::document_frequencies() const {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> out;
  for (const auto& [hash, df] : df_)
    if (used(df)) out.emplace_back(hash, df);
  std::sort(out.begin(), out.end());
  return out;
}

void EvidenceBuilder::set_document_frequencies(std::uint64_t documents,
                                               const std::vector<std::pair<std::uint64_t, std::uint32_t>>& df) {
  documents_ = documents;
  df_.clear();
  df_.reserve(df.size());
  for (const auto& [hash, count] : df) df_[hash] = count;
  term_ids_.clear();
  numbered_ = false;
}

void EvidenceBuilder::number_terms() {
  std::vector<std::uint64_t> hashes;
  for (const auto& [hash, df] : df_)
    if (used(df)) hashes.push_back(hash);
  std::sort(hashes.begin(), hashes.end());
  term_ids_.clear();
  term_ids_.reserve(hashes.size());
  for (size_t i = 0; i < hashes.size(); ++i) term_ids_.emplace(hashes[i], static_cast<std::uint32_t>(i));
  numbered_ = true;
}

std::vector<std::pair<float, std::uint64_t>> EvidenceBuilder::weigh_stems(const std::string& title,
                                                                         const std::string& abstract) const {
  std::unordered_map<std::uint64_t, float> tf;
  for (auto h : stemmed_hashes(title)) tf[h] += 2;  // titles say more
  for (auto h : stemmed_hashes(abstract)) tf[h] += 1;
  std::vector<std::pair<float, std::uint64_t>> weighted;
  double n = static_cast<double>(std::max<std::uint64_t>(documents_, 1));
  for (const auto& [h, count] : tf) {
    auto df = df_.find(h);
    double d = df == df_.end() ? 1 : df->second;
    if (!used(static_cast<std::uint32_t>(d))) continue;  // a word seen once says nothing about a pair
    weighted.emplace_back(static_cast<float>((1 + std::log(count)) * std::log(1 + n / d)), h);
  }
  size_t keep = std::min(kTermsPerWork, weighted.size());
  std::partial_sort(weighted.begin(), weighted.begin() + static_cast<std::ptrdiff_t>(keep), weighted.end(),
                    [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
  weighted.resize(keep);
  double norm = 0;
  for (const auto& [w, h] : weighted) norm += static_cast<double>(w) * w;
  norm = std::sqrt(norm);
  for (auto& [w, h] : weighted) w = static_cast<float>(w / norm);
  return weighted;
}

namespace {
void sort_by_term(std::vector<TermWeight>& terms) {
  std::sort(terms.begin(), terms.end(), [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
}
}  // namespace

WorkEvidence EvidenceBuilder::weigh_work(const RawWork& raw) {
  if (!numbered_) number_terms();
  WorkEvidence work = weigh_all_but_text(raw);
  // A stem never counted (a tiny corpus weighs every stem) is numbered here.
  for (const auto& [w, h] : weigh_stems(raw.title, raw.abstract)) {
    auto [it, inserted] = term_ids_.try_emplace(h, static_cast<std::uint32_t>(term_ids_.size()));
    work.terms.push_back({it->second, w});
  }
  sort_by_term(work.terms);
  return work;
}

void EvidenceBuilder::prepare_weighing() {
  if (!numbered_) number_terms();
}

WorkEvidence EvidenceBuilder::weigh_counted_work(const RawWork& raw) const {
  WorkEvidence work = weigh_all_but_text(raw);
  for (const auto& [w, h] : weigh_stems(raw.title, raw.abstract))
    if (auto it = term_ids_.find(h); it != term_ids_.end()) work.terms.push_back({it->second, w});
  sort_by_term(work.terms);
  return work;
}

WorkEvidence EvidenceBuilder::weigh_all_but_text(const RawWork& raw) const {
  WorkEvidence work;
  // Shortened for explanations, cut between characters (a cut inside one is not text).
  work.title = raw.title.size() > 160 ? text::utf8_prefix(raw.title, 157) + "..." : raw.title;
  std::string venue = text::fold(raw.venue);
  work.venue = venue.empty() ? 0 : text::stable_hash(venue);
  work.venue_words = sorted_unique(stemmed_hashes(raw.venue, kGenericVenueWords));
  for (const auto& c : raw.categories) work.categories.push_back(text::stable_hash(c));
  std::sort(work.categories.begin(), work.categories.end());
  work.year = raw.year;
  work.id = raw.external_id.empty() ? 0 : text::stable_hash(raw.external_id);
  for (const auto& c : raw.cited) work.cited.push_back(text::stable_hash(c));
  std::sort(work.cited.begin(), work.cited.end());
  for (const auto& a : raw.authors) work.author_keys.push_back(hash_key(block_key(parse_name(a.first, a.last, a.raw))));
  std::sort(work.author_keys.begin(), work.author_keys.end());
  return work;
}

size_t EvidenceBuilder::add_work(const RawWork& raw, const std::vector<size_t>& positions) {
  return add_weighed_work(weigh_work(raw), raw, positions);
}

size_t EvidenceBuilder::add_weighed_work(WorkEvidence work, const RawWork& raw, const std::vector<size_t>& positions) {
  auto work_index = static_cast<std::uint32_t>(set_.works.size());
  set_.works.push_back(std::move(work));
  size_t first_signature = set_.signatures.size();
  auto add_signature = [&](size_t i) {
    Signature s;
    const auto& author = raw.authors[i];
    s.raw_name = !author.raw.empty() ? author.raw : author.first + " " + author.last;
    s.name = parse_name(author.first, author.last, author.raw);
    s.block = block_key(s.name);
    s.work = work_index;
    s.own_key = hash_key(s.block);
    s.affiliation = sorted_unique(stemmed_hashes(author.affiliation, kGenericAffiliationWords));
    s.email = text::fold(author.email);
    s.orcid = author.orcid;
    s.person_id = author.person_id;
    set_.signatures.push_back(std::move(s));
  };
  if (positions.empty())
    for (size_t i = 0; i < raw.authors.size(); ++i) add_signature(i);
  else
    for (size_t i : positions)
      if (i < raw.authors.size()) add_signature(i);
  return first_signature;
}

}  // namespace bzpeer::identity

#include "search/spelling_plan.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace bzpeer::search {

SpellingPlan::SpellingPlan(const Speller& speller, const std::string& text) : speller_(speller) {
  tokens_ = text::split(text, ' ');
  probe_of_.resize(tokens_.size());
  bool quoted = false;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& word = tokens_[i];
    bool plain = !quoted && word.size() >= 3 && word.find_first_of(":\"()+-*") == std::string::npos &&
                 word != "AND" && word != "OR" && word != "NOT";
    if (std::count(word.begin(), word.end(), '"') % 2) quoted = !quoted;
    if (!plain) continue;
    std::string lower = text::fold(word);
    bool alphanumeric = std::all_of(lower.begin(), lower.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    // A word of the spelling dictionary is a word of the index: nothing to correct.
    if (lower.empty() || !alphanumeric || speller.knows(lower)) continue;
    if (std::find(probes_.begin(), probes_.end(), lower) == probes_.end()) probes_.push_back(lower);
    probe_of_[i] = std::move(lower);
  }
}

const std::string& SpellingPlan::suggestion(const std::string& probe) const {
  auto [it, fresh] = suggestions_.try_emplace(probe);
  if (fresh) it->second = speller_.suggest(probe);
  return it->second;
}

std::vector<std::string> SpellingPlan::correctable_probes() const {
  std::vector<std::string> out;
  for (const auto& probe : probes_)
    if (!suggestion(probe).empty()) out.push_back(probe);
  return out;
}

std::string SpellingPlan::corrected_text(const std::set<std::string>& in_index) const {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < tokens_.size(); ++i) {
    const std::string& probe = probe_of_[i];
    const std::string* word = &tokens_[i];
    if (!probe.empty() && !in_index.count(probe) && !suggestion(probe).empty()) {
      word = &suggestion(probe);
      changed = true;
    }
    out += (out.empty() ? "" : " ") + *word;
  }
  return changed ? out : std::string();
}

std::set<std::string> words_in_index(const Xapian::Database& db, const std::vector<std::string>& words) {
  std::set<std::string> out;
  if (words.empty()) return out;
  std::vector<Xapian::Query> terms(words.begin(), words.end());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end()));
  Xapian::MSet stats = enquire.get_mset(0, 0);
  for (const auto& w : words)
    if (stats.get_termfreq(w) > 0) out.insert(w);
  return out;
}

}  // namespace bzpeer::search

#include "search/spelling_plan.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"

namespace bzpeer::search {

SpellingPlan plan_spelling(const Speller& speller, const std::string& text) {
  SpellingPlan plan;
  plan.tokens = text::split(text, ' ');
  plan.probe_of.resize(plan.tokens.size());
  plan.suggestion.resize(plan.tokens.size());
  bool quoted = false;
  for (size_t i = 0; i < plan.tokens.size(); ++i) {
    const std::string& word = plan.tokens[i];
    bool plain = !quoted && word.size() >= 3 && word.find_first_of(":\"()+-*") == std::string::npos &&
                 word != "AND" && word != "OR" && word != "NOT";
    if (std::count(word.begin(), word.end(), '"') % 2) quoted = !quoted;
    if (!plain) continue;
    std::string lower = text::fold(word);
    bool alphanumeric = std::all_of(lower.begin(), lower.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
    });
    // A word of the spelling dictionary is a word of the index: nothing to correct; nor
    // is a word with no suggestion, whether the index has it or not.
    if (lower.empty() || !alphanumeric || speller.knows(lower)) continue;
    std::string suggestion = speller.suggest(lower);
    if (suggestion.empty()) continue;
    if (std::find(plan.probes.begin(), plan.probes.end(), lower) == plan.probes.end()) plan.probes.push_back(lower);
    plan.probe_of[i] = std::move(lower);
    plan.suggestion[i] = std::move(suggestion);
  }
  return plan;
}

std::string corrected_text(const SpellingPlan& plan, const std::set<std::string>& in_index) {
  std::string out;
  bool changed = false;
  for (size_t i = 0; i < plan.tokens.size(); ++i) {
    const bool correct = !plan.probe_of[i].empty() && !in_index.count(plan.probe_of[i]);
    changed |= correct;
    out += (out.empty() ? "" : " ") + (correct ? plan.suggestion[i] : plan.tokens[i]);
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

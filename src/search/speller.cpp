#include "search/speller.hpp"

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>

#include "search/schema.hpp"

namespace bzpeer::search {

namespace {

std::uint64_t key_of(std::string_view s) { return std::hash<std::string_view>{}(s); }

// Calls `visit` with `word` itself and every string made by deleting one of its bytes.
// (Deleting bytes, not characters, keeps this simple; both sides do the same, so a
// multi-byte letter is still matched, and the edit check below has the last word.)
template <typename Visit>
void for_each_deletion(std::string_view word, Visit visit) {
  visit(word);
  std::string buffer;
  for (size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && word[i] == word[i - 1]) continue;  // "aab" minus either 'a' is the same string
    buffer.assign(word.substr(0, i));
    buffer.append(word.substr(i + 1));
    visit(std::string_view(buffer));
  }
}

// Shorter words two edits away are mostly other words, not typos.
constexpr size_t kTwoEditsFrom = 6;

}  // namespace

bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (i == a.size()) return true;  // equal, or b has one more letter at the end
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // one letter replaced
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
  }
  return a.substr(i) == b.substr(i + 1);  // b has one more letter at i
}

Speller::Speller(const std::vector<Xapian::Database>& dbs) {
  std::unordered_map<std::string, Xapian::termcount> counts;
  for (const auto& db : dbs) {
    const std::string dictionary = db.get_metadata(meta::spelling);
    for (size_t at = 0; at < dictionary.size();) {
      size_t end = dictionary.find('\n', at);
      if (end == std::string::npos) end = dictionary.size();
      std::string_view line(dictionary.data() + at, end - at);
      if (auto tab = line.find('\t'); tab != std::string_view::npos && tab > 0)
        counts[std::string(line.substr(0, tab))] +=
            static_cast<Xapian::termcount>(std::strtoul(std::string(line.substr(tab + 1)).c_str(), nullptr, 10));
      at = end + 1;
    }
  }
  std::vector<std::pair<std::string, Xapian::termcount>> sorted(counts.begin(), counts.end());
  std::sort(sorted.begin(), sorted.end());
  for (auto& [word, count] : sorted) {
    auto index = static_cast<std::uint32_t>(words_.size());
    for_each_deletion(word, [&](std::string_view d) { deletions_.push_back({key_of(d), index}); });
    words_.push_back(std::move(word));
    frequency_.push_back(count);
  }
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.shrink_to_fit();
}

std::shared_ptr<const Speller> Speller::shared(const std::vector<Xapian::Database>& dbs) {
  std::string key;
  for (const auto& db : dbs) key += db.get_uuid() + "|" + db.get_metadata(meta::works_revision) + "\n";
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const Speller>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(key); it != loaded.end())
    if (auto speller = it->second.lock()) return speller;
  auto speller = std::make_shared<const Speller>(dbs);
  loaded[key] = speller;
  return speller;
}

template <typename Visit>
void Speller::for_each_within_one_edit(std::string_view word, Visit visit) const {
  for_each_deletion(word, [&](std::string_view d) {
    Entry probe{key_of(d), 0};
    for (auto it = std::lower_bound(deletions_.begin(), deletions_.end(), probe);
         it != deletions_.end() && it->key == probe.key; ++it)
      if (search::within_one_edit(words_[it->word], word)) visit(it->word);
  });
}

template <typename Candidates>
std::string Speller::most_frequent(std::string_view word, Candidates candidates) const {
  std::uint32_t best = 0;
  bool found = false;
  candidates([&](std::uint32_t index) {
    const std::string& candidate = words_[index];
    if (candidate == word) return;
    if (!found || frequency_[index] > frequency_[best] ||
        (frequency_[index] == frequency_[best] && candidate < words_[best])) {
      best = index;
      found = true;
    }
  });
  return found ? words_[best] : std::string();
}

bool Speller::knows(std::string_view word) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), word, [](const std::string& a, std::string_view b) { return a < b; });
  return it != words_.end() && *it == word;
}

std::string Speller::suggest(const std::string& word) const {
  std::string near = most_frequent(word, [&](auto visit) { for_each_within_one_edit(word, visit); });
  if (!near.empty() || word.size() < kTwoEditsFrom) return near;
  // Two edits: the words one edit from each spelling one edit from `word`. Letters
  // replaced or added are tried from a-z and 0-9; dropped and swapped ones are any.
  return most_frequent(word, [&](auto visit) {
    static constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::string edited;
    auto via = [&](const std::string& one_edit) { for_each_within_one_edit(one_edit, visit); };
    for (size_t i = 0; i < word.size(); ++i) {
      edited = word;
      edited.erase(i, 1);
      via(edited);
      if (i + 1 < word.size() && word[i] != word[i + 1]) {
        edited = word;
        std::swap(edited[i], edited[i + 1]);
        via(edited);
      }
      for (char c : kLetters) {
        if (c == word[i]) continue;
        edited = word;
        edited[i] = c;
        via(edited);
      }
    }
    for (size_t i = 0; i <= word.size(); ++i)
      for (char c : kLetters) {
        edited = word;
        edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(i), c);
        via(edited);
      }
  });
}

void write_spelling_dictionary(Xapian::WritableDatabase& db) {
  std::string dictionary;
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it)
    dictionary += *it + "\t" + std::to_string(it.get_termfreq()) + "\n";
  db.set_metadata(meta::spelling, dictionary);
}

}  // namespace bzpeer::search

#include "search/speller.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <mutex>

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

Speller::Speller(const Xapian::Database& db) : db_(db) {
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    std::string word = *it;
    auto index = static_cast<std::uint32_t>(words_.size());
    for_each_deletion(word, [&](std::string_view d) { deletions_.push_back({key_of(d), index}); });
    words_.push_back(std::move(word));
    frequency_.push_back(it.get_termfreq());
  }
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.shrink_to_fit();
}

std::shared_ptr<const Speller> Speller::shared(const Xapian::Database& db) {
  std::string key = db.get_uuid() + "|" + db.get_metadata("works_revision");
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const Speller>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(key); it != loaded.end())
    if (auto speller = it->second.lock()) return speller;
  auto speller = std::make_shared<const Speller>(db);
  loaded[key] = speller;
  return speller;
}

std::string Speller::within_one_edit(std::string_view word) const {
  std::uint32_t best = 0;
  bool found = false;
  for_each_deletion(word, [&](std::string_view d) {
    Entry probe{key_of(d), 0};
    for (auto it = std::lower_bound(deletions_.begin(), deletions_.end(), probe);
         it != deletions_.end() && it->key == probe.key; ++it) {
      const std::string& candidate = words_[it->word];
      if (candidate == word || !search::within_one_edit(candidate, word)) continue;
      if (!found || frequency_[it->word] > frequency_[best] ||
          (frequency_[it->word] == frequency_[best] && candidate < words_[best])) {
        best = it->word;
        found = true;
      }
    }
  });
  return found ? words_[best] : std::string();
}

std::string Speller::suggest(const std::string& word) const {
  std::string near = within_one_edit(word);
  if (!near.empty()) return near;
  return db_.get_spelling_suggestion(word, 2);
}

}  // namespace bzpeer::search

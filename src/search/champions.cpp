#include "search/champions.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <cstring>
#include <map>
#include <mutex>
#include <queue>
#include <thread>

#include "search/bm25.hpp"
#include "search/schema.hpp"

namespace bzpeer::search {

namespace {

constexpr char kMagic[] = "bzpeer-champions 3\n";

// Free-text words: plain terms and their Z-stems. Field terms (S, A, ...) are asked for
// with AND, where the rarest list already drives the match.
bool free_text_term(const std::string& t) {
  if (t.empty()) return false;
  auto c = static_cast<unsigned char>(t[0]);
  if (c == 'Z') return t.size() > 1 && !std::isupper(static_cast<unsigned char>(t[1]));
  return !std::isupper(c);
}

// The words common enough for champion lists, decided over all shards so that every
// shard has a list for each of them.
std::vector<std::string> common_words(const Xapian::Database& all, Xapian::doccount min_freq, unsigned shards) {
  std::vector<std::string> out;
  for (auto t = all.allterms_begin(); t != all.allterms_end(); ++t)
    if (free_text_term(*t) && t.get_termfreq() >= min_freq * shards) out.push_back(*t);
  return out;
}

// The `kChampionsPerTerm` works of `db` where `word` weighs most, by docid.
std::vector<Champion> best_documents(const Xapian::Database& db, const std::string& word, double average_length) {
  using Scored = std::pair<float, Xapian::docid>;
  std::priority_queue<Scored, std::vector<Scored>, std::greater<Scored>> best;  // weakest on top
  for (auto p = db.postlist_begin(word); p != db.postlist_end(word); ++p) {
    auto w = static_cast<float>(bm25::document_part(p.get_wdf(), p.get_doclength(), average_length));
    if (best.size() < kChampionsPerTerm) best.push({w, *p});
    else if (w > best.top().first) {
      best.pop();
      best.push({w, *p});
    }
  }
  std::vector<Champion> out;
  for (; !best.empty(); best.pop()) out.push_back({best.top().second, best.top().first});
  std::sort(out.begin(), out.end(), [](const Champion& a, const Champion& b) { return a.docid < b.docid; });
  return out;
}

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }

// Reads what put_u32 wrote; false past the end.
struct Reader {
  const std::string& in;
  size_t at = 0;
  bool u32(std::uint32_t& v) {
    if (in.size() - at < sizeof v) return false;
    std::memcpy(&v, in.data() + at, sizeof v);
    at += sizeof v;
    return true;
  }
  bool bytes(void* out, size_t n) {
    if (in.size() - at < n) return false;
    std::memcpy(out, in.data() + at, n);
    at += n;
    return true;
  }
};

// The lists of `shard`, as its metadata holds them.
std::string serialise(const Xapian::Database& shard, const std::vector<std::string>& words, double average_length) {
  std::string out = kMagic;
  put_u32(out, static_cast<std::uint32_t>(words.size()));
  for (const auto& word : words) {
    std::vector<Champion> champions = best_documents(shard, word, average_length);
    put_u32(out, static_cast<std::uint32_t>(word.size()));
    out += word;
    put_u32(out, shard.get_termfreq(word));
    put_u32(out, static_cast<std::uint32_t>(champions.size()));
    out.append(reinterpret_cast<const char*>(champions.data()), champions.size() * sizeof(Champion));
  }
  return out;
}

// Nothing when `blob` is damaged.
std::optional<std::unordered_map<std::string, std::vector<Champion>>> parse(const std::string& blob,
                                                                            std::unordered_map<std::string, Xapian::doccount>& termfreqs) {
  if (blob.compare(0, sizeof kMagic - 1, kMagic) != 0) return std::nullopt;
  Reader in{blob, sizeof kMagic - 1};
  std::unordered_map<std::string, std::vector<Champion>> lists;
  std::uint32_t words = 0;
  if (!in.u32(words)) return std::nullopt;
  for (std::uint32_t i = 0; i < words; ++i) {
    std::uint32_t length = 0, termfreq = 0, count = 0;
    if (!in.u32(length) || length > 1024) return std::nullopt;
    std::string word(length, '\0');
    if (!in.bytes(word.data(), length) || !in.u32(termfreq) || !in.u32(count) || count > kChampionsPerTerm)
      return std::nullopt;
    std::vector<Champion> champions(count);
    if (!in.bytes(champions.data(), count * sizeof(Champion))) return std::nullopt;
    termfreqs[word] = termfreq;
    lists.emplace(std::move(word), std::move(champions));
  }
  return lists;
}

}  // namespace

Status write_champions(std::vector<Xapian::WritableDatabase>& shards, Xapian::doccount min_freq) {
  try {
    Xapian::Database all;
    for (auto& shard : shards) all.add_database(shard);
    const std::vector<std::string> words = common_words(all, min_freq, static_cast<unsigned>(shards.size()));
    const double average_length = all.get_avlength();
    // One stamp for all: shards with different stamps are between two writes.
    const std::string stamp = std::to_string(std::chrono::system_clock::now().time_since_epoch().count());
    std::vector<std::string> failures(shards.size());
    std::vector<std::thread> threads;
    for (size_t s = 0; s < shards.size(); ++s)
      threads.emplace_back([&, s] {
        try {
          shards[s].set_metadata(meta::champions, serialise(shards[s], words, average_length));
          shards[s].set_metadata(meta::champions_stamp, stamp);
          shards[s].commit();
        } catch (const Xapian::Error& e) {
          failures[s] = e.get_description();
        }
      });
    for (auto& t : threads) t.join();
    for (const auto& f : failures)
      if (!f.empty()) return make_error(ErrorCode::io, "champion lists: " + f);
    return Ok{};
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::io, "champion lists: " + e.get_description());
  }
}

std::shared_ptr<const Champions> Champions::load(const std::vector<Xapian::Database>& shards) {
  // Keyed by the shards' identity and champion stamp: new lists are read once a process.
  // (One metadata read a shard: on a remote shard each is an exchange.)
  std::string key, first_stamp;
  try {
    for (size_t s = 0; s < shards.size(); ++s) {
      std::string stamp = shards[s].get_metadata(meta::champions_stamp);
      if (s == 0) first_stamp = stamp;
      else if (stamp != first_stamp) return nullptr;  // between two writes
      key += shards[s].get_uuid() + " " + stamp + "\n";
    }
  } catch (const Xapian::Error&) {
    return nullptr;
  }
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const Champions>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(key); it != loaded.end())
    if (auto shared = it->second.lock()) return shared;
  auto fresh = std::make_shared<Champions>();
  try {
    for (const auto& shard : shards) {
      std::unordered_map<std::string, Xapian::doccount> termfreqs;
      auto lists = parse(shard.get_metadata(meta::champions), termfreqs);
      if (!lists || lists->empty()) return nullptr;  // none, or damaged: walk every list
      std::unordered_map<std::string, List> shard_lists;
      for (auto& [word, champions] : *lists) {
        fresh->words_[word] += termfreqs[word];
        shard_lists.emplace(word, List{termfreqs[word], std::move(champions)});
      }
      if (!fresh->shards_.empty() && shard_lists.size() != fresh->shards_.front().size()) return nullptr;
      fresh->shards_.push_back(std::move(shard_lists));
    }
  } catch (const Xapian::Error&) {
    return nullptr;
  }
  for (const auto& shard : fresh->shards_)
    if (shard.size() != fresh->words_.size()) return nullptr;  // the shards disagree on the words
  loaded[key] = fresh;
  return fresh;
}

Xapian::doccount Champions::termfreq(const std::string& word) const {
  auto it = words_.find(word);
  return it == words_.end() ? 0 : it->second;
}

void Champions::add_scores(const std::string& word, double word_weight,
                           std::unordered_map<Xapian::docid, double>& scores) const {
  const ShardLayout layout{static_cast<unsigned>(shards_.size())};
  for (unsigned s = 0; s < shards_.size(); ++s) {
    auto it = shards_[s].find(word);
    if (it == shards_[s].end()) continue;
    for (const Champion& c : it->second.champions) scores[layout.global_docid(s, c.docid)] += word_weight * c.weight;
  }
}

}  // namespace bzpeer::search

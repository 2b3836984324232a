#include "search/champions.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <queue>
#include <thread>

#include "search/bm25.hpp"
#include "search/schema.hpp"

namespace bzpeer::search {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[] = "bzpeer-champions 2\n";

std::string champions_path(const std::string& works_dir, unsigned shard) {
  return (fs::path(works_dir) / ("champions-" + std::to_string(shard) + ".bin")).string();
}

// Free-text words: plain terms and their Z-stems. Field terms (S, A, ...) are asked for
// with AND, where the rarest list already drives the match.
bool free_text_term(const std::string& t) {
  if (t.empty()) return false;
  auto c = static_cast<unsigned char>(t[0]);
  if (c == 'Z') return t.size() > 1 && !std::isupper(static_cast<unsigned char>(t[1]));
  return !std::isupper(c);
}

// The revision of the catalog a shard has indexed: champion lists of another are stale.
std::string shard_revision(const Xapian::Database& shard) { return shard.get_metadata("works_revision"); }

void put_u32(std::ofstream& out, std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), sizeof v); }
bool get_u32(std::ifstream& in, std::uint32_t& v) { return static_cast<bool>(in.read(reinterpret_cast<char*>(&v), sizeof v)); }

Status write_shard(const std::string& works_dir, unsigned shard, const std::string& path, Xapian::doccount min_freq) {
  std::string shard_dir = shard_path(works_dir, shard);
  try {
    // Which terms are common is decided over all shards, so that every shard has a list
    // for each of them.
    Xapian::Database all = open_works(works_dir);
    Xapian::Database db(shard_dir);
    double average = all.get_avlength();
    std::string temp = path + ".tmp";
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << kMagic << db.get_uuid() << "\n" << shard_revision(db) << "\n";
    std::vector<std::pair<std::string, std::vector<Champion>>> lists;
    using Scored = std::pair<float, Xapian::docid>;
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
      if (!free_text_term(*t) || all.get_termfreq(*t) < min_freq * kWorkShards) continue;
      std::priority_queue<Scored, std::vector<Scored>, std::greater<Scored>> best;  // weakest on top
      for (auto p = db.postlist_begin(*t); p != db.postlist_end(*t); ++p) {
        auto w = static_cast<float>(bm25::document_part(p.get_wdf(), p.get_doclength(), average));
        if (best.size() < kChampionsPerTerm) best.push({w, *p});
        else if (w > best.top().first) {
          best.pop();
          best.push({w, *p});
        }
      }
      std::vector<Champion> champions;
      for (; !best.empty(); best.pop()) champions.push_back({best.top().second, best.top().first});
      std::sort(champions.begin(), champions.end(),
                [](const Champion& a, const Champion& b) { return a.docid < b.docid; });
      lists.emplace_back(*t, std::move(champions));
    }
    put_u32(out, static_cast<std::uint32_t>(lists.size()));
    for (const auto& [term, champions] : lists) {
      put_u32(out, static_cast<std::uint32_t>(term.size()));
      out.write(term.data(), static_cast<std::streamsize>(term.size()));
      put_u32(out, static_cast<std::uint32_t>(champions.size()));
      out.write(reinterpret_cast<const char*>(champions.data()),
                static_cast<std::streamsize>(champions.size() * sizeof(Champion)));
    }
    out.close();
    if (!out) return make_error(ErrorCode::io, "cannot write " + temp);
    fs::rename(temp, path);
    return Ok{};
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::io, "champion lists of " + shard_dir + ": " + e.get_description());
  } catch (const fs::filesystem_error& e) {
    return make_error(ErrorCode::io, e.what());
  }
}

// Walks the champions of one term in one shard, each weighing what BM25 gives the term
// in it (the matcher clones one a shard and tells each its shard in init()).
class ChampionSource : public Xapian::PostingSource {
 public:
  ChampionSource(std::shared_ptr<const Champions> champions, std::string term, double term_weight)
      : champions_(std::move(champions)), term_(std::move(term)), term_weight_(term_weight) {}

  void init(const Xapian::Database& db) override {
    list_ = champions_->list(db.get_uuid(), term_);
    at_ = 0;
    started_ = false;
    float best = 0;
    if (list_)
      for (const auto& c : *list_) best = std::max(best, c.weight);
    set_maxweight(term_weight_ * best);
  }
  Xapian::doccount get_termfreq_min() const override { return size(); }
  Xapian::doccount get_termfreq_est() const override { return size(); }
  Xapian::doccount get_termfreq_max() const override { return size(); }
  void next(double) override {
    if (started_) ++at_;
    started_ = true;
  }
  void skip_to(Xapian::docid did, double) override {
    started_ = true;
    if (!list_) return;
    at_ = static_cast<size_t>(std::lower_bound(list_->begin() + static_cast<std::ptrdiff_t>(at_), list_->end(), did,
                                               [](const Champion& c, Xapian::docid d) { return c.docid < d; }) -
                              list_->begin());
  }
  bool at_end() const override { return !list_ || at_ >= list_->size(); }
  Xapian::docid get_docid() const override { return (*list_)[at_].docid; }
  double get_weight() const override { return term_weight_ * (*list_)[at_].weight; }
  ChampionSource* clone() const override { return new ChampionSource(champions_, term_, term_weight_); }
  std::string get_description() const override { return "ChampionSource(" + term_ + ")"; }

 private:
  Xapian::doccount size() const { return list_ ? static_cast<Xapian::doccount>(list_->size()) : 0; }

  std::shared_ptr<const Champions> champions_;
  std::string term_;
  double term_weight_;
  const std::vector<Champion>* list_ = nullptr;
  size_t at_ = 0;
  bool started_ = false;
};

}  // namespace

Status write_champions(const std::string& works_dir, Xapian::doccount min_freq) {
  std::vector<Status> results(kWorkShards, Status(Ok{}));
  std::vector<std::thread> threads;
  for (unsigned s = 0; s < kWorkShards; ++s)
    threads.emplace_back([&, s] { results[s] = write_shard(works_dir, s, champions_path(works_dir, s), min_freq); });
  for (auto& t : threads) t.join();
  for (auto& r : results)
    if (!r) return r;
  return Ok{};
}

std::shared_ptr<const Champions> Champions::load(const std::string& works_dir) {
  // Keyed by the shards' identity and revision: a rebuilt or updated index gets new lists.
  std::string key = works_dir;
  try {
    for (unsigned s = 0; s < kWorkShards; ++s) {
      Xapian::Database shard(shard_path(works_dir, s));
      key += "\n" + shard.get_uuid() + " " + shard_revision(shard);
    }
  } catch (const Xapian::Error&) {
    return nullptr;
  }
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<const Champions>> loaded;
  std::lock_guard lock(mutex);
  if (auto it = loaded.find(key); it != loaded.end())
    if (auto shared = it->second.lock()) return shared;
  auto fresh = read(works_dir);
  if (fresh) loaded[key] = fresh;
  return fresh;
}

std::shared_ptr<const Champions> Champions::read(const std::string& works_dir) {
  auto out = std::make_shared<Champions>();
  for (unsigned s = 0; s < kWorkShards; ++s) {
    std::ifstream in(champions_path(works_dir, s), std::ios::binary);
    std::string magic(sizeof kMagic - 1, '\0'), uuid, revision;
    if (!in.read(magic.data(), static_cast<std::streamsize>(magic.size())) || magic != kMagic) return nullptr;
    std::getline(in, uuid);
    std::getline(in, revision);
    try {
      // Lists of another shard, or of an older revision of this one, are stale.
      Xapian::Database shard(shard_path(works_dir, s));
      if (shard.get_uuid() != uuid || shard_revision(shard) != revision) return nullptr;
    } catch (const Xapian::Error&) {
      return nullptr;
    }
    Shard shard{uuid, {}};
    std::uint32_t terms = 0;
    bool ok = get_u32(in, terms);
    for (std::uint32_t i = 0; ok && i < terms; ++i) {
      std::uint32_t length = 0, count = 0;
      std::string term;
      ok = get_u32(in, length) && length < 1024;
      if (ok) {
        term.resize(length);
        ok = static_cast<bool>(in.read(term.data(), length)) && get_u32(in, count) && count <= kChampionsPerTerm;
      }
      std::vector<Champion> champions(ok ? count : 0);
      ok = ok && in.read(reinterpret_cast<char*>(champions.data()),
                         static_cast<std::streamsize>(champions.size() * sizeof(Champion)));
      if (ok) shard.lists.emplace(std::move(term), std::move(champions));
    }
    if (!ok) return nullptr;  // a damaged file: walk the full lists instead
    for (const auto& [term, docids] : shard.lists) out->terms_.insert(term);
    out->shards_.push_back(std::move(shard));
  }
  return out;
}

const std::vector<Champion>* Champions::list(const std::string& uuid, const std::string& term) const {
  for (const auto& shard : shards_) {
    if (shard.uuid != uuid) continue;
    auto it = shard.lists.find(term);
    return it == shard.lists.end() ? nullptr : &it->second;
  }
  return nullptr;
}

Xapian::Query Champions::query(const std::string& term, const Xapian::Database& works) const {
  double weight = bm25::term_weight(works.get_doccount(), works.get_termfreq(term));
  return Xapian::Query((new ChampionSource(shared_from_this(), term, weight))->release());
}

}  // namespace bzpeer::search

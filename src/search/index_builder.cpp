#include "search/index_builder.hpp"

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>
#include <xapian.h>

#include "core/bounded_queue.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"
#include "search/champions.hpp"
#include "search/index_checksums.hpp"
#include "search/schema.hpp"
#include "search/speller.hpp"
#include "search/works_shards.hpp"

namespace bzpeer::search {

namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A fresh directory name under DATA/search, unique per build.
std::string fresh_dir(const std::string& data_dir, const std::string& kind) {
  auto stamp = std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch()).count();
  return (fs::path(data_dir) / "search" / (kind + "-" + std::to_string(stamp))).string();
}

std::string date_value(const store::WorkSummary& w) {
  if (w.date.size() >= 10) return w.date.substr(0, 10);
  char buf[16];
  if (w.date.size() == 7) return w.date + "-01";
  std::snprintf(buf, sizeof buf, "%04d-01-01", w.year);
  return buf;
}

// A term generator that stems as the query parser does.
Xapian::TermGenerator term_generator() {
  Xapian::TermGenerator terms;
  terms.set_stemmer(stemmer());
  terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  return terms;
}

// The words an index adds to its spelling dictionary, counted in memory and written once
// per distinct word with its count. (Letting the term generator add each occurrence as
// it goes costs more than the rest of indexing.)
class SpellingCounts {
 public:
  void count(const std::string& text) {
    for (const auto& word : text::words(text)) {
      std::string folded = text::fold(word);
      if (folded.size() >= 2 && folded.size() <= 40) ++counts_[folded];
    }
  }
  // Adds the counts to `db`'s spelling table, commits, and copies the whole table into
  // the metadata the Speller reads (the caller commits that).
  void write(Xapian::WritableDatabase& db) {
    for (const auto& [word, n] : counts_) db.add_spelling(word, n);
    counts_.clear();
    db.commit();
    write_spelling_dictionary(db);
  }

 private:
  std::unordered_map<std::string, Xapian::termcount> counts_;
};

// Works' documents, and the words they add to the spelling dictionary.
class WorkIndexer {
 public:
  explicit WorkIndexer(const ShardLayout& layout) : layout_(layout), terms_(term_generator()) {}

  void add(Xapian::WritableDatabase& db, const store::WorkSummary& w) {
    Xapian::Document doc;
    terms_.set_document(doc);
    // Titles weigh three times the abstract, and with author names feed the spelling
    // dictionary. Titles and names keep positions, in their fields too (title:"..."
    // phrases); venues and categories do not need them.
    spelling_.count(w.title);
    for (const auto& author : w.authors) spelling_.count(author);
    terms_.index_text(w.title, 3);
    terms_.index_text(w.title, 1, prefix::title);
    terms_.increase_termpos();
    for (const auto& author : w.authors) {
      terms_.index_text(author, 2);
      terms_.index_text(author, 1, prefix::author);
      terms_.increase_termpos();
    }
    // Abstracts keep positions too: a quoted phrase ("sliding-window data scheduler")
    // is as often from an abstract as from a title.
    terms_.increase_termpos();
    terms_.index_text(w.abstract);
    if (!w.venue.empty()) {
      terms_.index_text_without_positions(w.venue);
      terms_.index_text_without_positions(w.venue, 1, prefix::venue);
    }
    for (const auto& c : w.categories) {
      terms_.index_text_without_positions(c, 1, prefix::category);
      doc.add_boolean_term(prefix::category_exact + text::fold(c));
    }
    doc.add_boolean_term(prefix::work_id + std::to_string(w.id));
    doc.add_boolean_term(prefix::year + std::to_string(w.year));
    doc.add_boolean_term(prefix::type + w.type);
    doc.add_value(slot::year, Xapian::sortable_serialise(w.year));
    doc.add_value(slot::date, date_value(w));
    doc.add_value(slot::type, w.type);
    if (!w.venue.empty()) doc.add_value(slot::venue, w.venue);
    if (!w.categories.empty()) doc.add_value(slot::category, join_list_value(w.categories));
    doc.set_data(w.title);
    db.replace_document(layout_.local_docid(w.id), doc);
  }

  void write_spelling(Xapian::WritableDatabase& db) { spelling_.write(db); }

 private:
  ShardLayout layout_;
  Xapian::TermGenerator terms_;
  SpellingCounts spelling_;
};

// Works per part of a shard written afresh (see ShardWriter).
constexpr Xapian::doccount kPartWorks = 25'000;

// Writes one shard's works on a thread of its own. An existing shard is updated in
// place. A fresh one is written as parts of kPartWorks works, each a small database of
// its own, merged by one compaction at the end: adding to a small database keeps its
// tables in memory and its pages full, where one growing database pays for ever larger
// updates of its posting and position tables (and the compacted shard is smaller).
class ShardWriter {
 public:
  ShardWriter(std::string path, const ShardLayout& layout, bool fresh)
      : path_(std::move(path)), fresh_(fresh), indexer_(layout) {
    if (!fresh_) db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN);
  }

  void add(const store::WorkSummary& w) {
    if (fresh_ && !part_open_) begin_part();
    indexer_.add(db_, w);
    if (fresh_ && ++in_part_ == kPartWorks) end_part();
  }

  // Merges the parts of a fresh shard, then writes and commits the spelling dictionary;
  // the shard is then open for writing (its metadata, champion lists and last commit are
  // the caller's).
  void finish() {
    if (fresh_) {
      if (parts_.empty()) begin_part();  // a shard with no works: one empty part
      if (part_open_) end_part();
      Xapian::Database all;
      for (const auto& part : parts_) all.add_database(Xapian::Database(part));
      fs::remove_all(path_);
      all.compact(path_, Xapian::DBCOMPACT_NO_RENUMBER);
      all.close();
      for (const auto& part : parts_) fs::remove_all(part);
      db_ = Xapian::WritableDatabase(path_, Xapian::DB_OPEN);
    }
    indexer_.write_spelling(db_);
  }

  Xapian::WritableDatabase& database() { return db_; }

 private:
  void begin_part() {
    parts_.push_back(path_ + ".part-" + std::to_string(parts_.size()));
    db_ = Xapian::WritableDatabase(parts_.back(), Xapian::DB_CREATE_OR_OVERWRITE);
    part_open_ = true;
  }
  void end_part() {
    db_.commit();
    db_.close();
    part_open_ = false;
    in_part_ = 0;
  }

  std::string path_;
  bool fresh_;
  WorkIndexer indexer_;
  Xapian::WritableDatabase db_;
  std::vector<std::string> parts_;
  bool part_open_ = false;
  Xapian::doccount in_part_ = 0;  // works in the open part
};

// Works changed since the index's revision, or every work into a new directory (also
// when the number of shards asked for changed). Each shard has its own indexing thread;
// the catalog is read once, on this thread.
Result<std::string> index_works(store::IndexSource& source, const std::string& data_dir, const std::string& current,
                                const ShardLayout& layout, IndexStats& stats) {
  auto revision_read = source.works_revision();
  if (!revision_read) return revision_read.error();
  const std::int64_t revision = *revision_read;
  std::string path = current;
  std::int64_t since = -1;
  // Only an index that would be updated in place is checked (a new layout rebuilds anyway).
  bool reusable = local_shard_count(current) == layout.count;
  if (reusable)
    if (auto checked = verify_checksums(current); !checked) {
      std::fprintf(stderr, "%s; rebuilding it from the catalog\n", checked.error().message.c_str());
      reusable = false;
    }
  if (reusable) {
    // Shards commit one after another: resume from the oldest revision any of them saw.
    since = revision;
    for (unsigned s = 0; s < layout.count; ++s) {
      Xapian::Database shard(shard_path(current, s));
      std::string seen = shard.get_metadata(meta::works_revision);
      if (shard.get_metadata(meta::schema) != std::to_string(kIndexSchema) ||
          shard.get_metadata(meta::shard) != shard_label(s, layout.count) || seen.empty() ||
          std::stoll(seen) > revision) {
        since = -1;
        break;
      }
      since = std::min<std::int64_t>(since, std::stoll(seen));
    }
  }
  if (since < 0) {
    path = fresh_dir(data_dir, "works");
    fs::create_directories(path);
    stats.works_rebuilt = true;
  }
  // Posting changes are merged into the tables every 2,000 documents: larger batches
  // build larger in-memory maps, slower to fill and to merge (measured: 10,000 took 40%
  // longer than 2,000 on 100,000 works, and 50,000 twice as long, with four times the memory).
  setenv("XAPIAN_FLUSH_THRESHOLD", "2000", /*overwrite=*/0);
  std::vector<std::unique_ptr<ShardWriter>> writers;
  for (unsigned s = 0; s < layout.count; ++s)
    writers.push_back(std::make_unique<ShardWriter>(shard_path(path, s), layout, since < 0));
  std::vector<std::unique_ptr<BoundedQueue<store::WorkSummary>>> queues;
  std::vector<std::thread> workers;
  std::vector<std::string> failures(layout.count);
  for (unsigned s = 0; s < layout.count; ++s) {
    queues.push_back(std::make_unique<BoundedQueue<store::WorkSummary>>(1024));
    workers.emplace_back([&, s] {
      while (auto w = queues[s]->pop()) {
        try {
          if (failures[s].empty()) writers[s]->add(*w);
        } catch (const Xapian::Error& e) {
          failures[s] = e.get_description();  // keep draining so the reader never blocks
        }
      }
      try {
        if (failures[s].empty()) writers[s]->finish();
      } catch (const Xapian::Error& e) {
        failures[s] = e.get_description();
      }
    });
  }
  Progress progress("search index: works", 0);
  Status read = source.for_each_work_since(since, [&](store::WorkSummary&& w) {
    queues[layout.shard_of(w.id)]->push(std::move(w));
    progress.update(++stats.works_indexed);
  });
  for (auto& q : queues) q->close();
  for (auto& t : workers) t.join();
  progress.finish();
  // Nothing is committed as seen: the next build re-reads from the last revision.
  if (!read) return read.error();
  for (const auto& f : failures)
    if (!f.empty()) return make_error(ErrorCode::io, "search index: " + f);
  std::vector<Xapian::WritableDatabase> shards;
  for (auto& writer : writers) shards.push_back(writer->database());
  for (unsigned s = 0; s < layout.count; ++s) {
    auto& shard = shards[s];
    shard.set_metadata(meta::schema, std::to_string(kIndexSchema));
    shard.set_metadata(meta::shard, shard_label(s, layout.count));
    shard.set_metadata(meta::works_revision, std::to_string(revision));
    shard.commit();
  }
  // Champion lists follow the shards they describe: rewritten after every change, and
  // after a build that stopped between the shards' champion commits.
  auto champions_disagree = [&] {
    for (auto& shard : shards)
      if (shard.get_metadata(meta::champions_stamp) != shards[0].get_metadata(meta::champions_stamp)) return true;
    return false;
  };
  auto champions_start = std::chrono::steady_clock::now();
  if (stats.works_indexed > 0 || champions_disagree())
    if (auto written = write_champions(shards); !written) return written.error();
  stats.champions_seconds = seconds_since(champions_start);
  return path;
}

Result<std::string> index_researchers(store::IndexSource& source, const std::string& data_dir, IndexStats& stats) {
  // The other spellings of each researcher's name on their works ("C. D. Manning").
  std::unordered_map<model::ResearcherId, std::vector<std::string>> variants;
  Status read = source.for_each_name_variant(
      [&](model::ResearcherId id, const std::string& raw) { variants[id].push_back(raw); });
  if (!read) return read.error();
  std::string path = fresh_dir(data_dir, "researchers");
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator terms = term_generator();
  SpellingCounts spelling;  // of names
  // Names, affiliations and topics are short: no positions needed.
  read = source.for_each_researcher_for_search([&](store::ResearcherSearchRow&& p) {
    Xapian::Document doc;
    terms.set_document(doc);
    spelling.count(p.display_name);
    terms.index_text_without_positions(p.display_name, 3);
    terms.index_text_without_positions(p.display_name, 1, prefix::author);
    std::string folded_name = text::fold(p.display_name);
    if (auto it = variants.find(p.id); it != variants.end())
      for (const auto& v : it->second)
        if (text::fold(v) != folded_name) {
          spelling.count(v);
          terms.index_text_without_positions(v, 2);
          terms.index_text_without_positions(v, 1, prefix::author);
        }
    if (!p.affiliation.empty()) {
      terms.index_text_without_positions(p.affiliation);
      terms.index_text_without_positions(p.affiliation, 1, prefix::affiliation);
    }
    for (const auto& t : p.topics) {
      terms.index_text_without_positions(t);
      terms.index_text_without_positions(t, 1, prefix::topic);
    }
    doc.add_value(slot::works_count, Xapian::sortable_serialise(p.works_count));
    doc.set_data(std::to_string(p.id.value()));
    db.add_document(doc);
    ++stats.researchers;
  });
  if (!read) return read.error();
  spelling.write(db);
  db.commit();
  return path;
}

Result<std::string> index_topics(const std::vector<model::TopicSummary>& rows, const std::string& data_dir,
                                 IndexStats& stats) {
  std::string path = fresh_dir(data_dir, "topics");
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator terms = term_generator();
  SpellingCounts spelling;
  for (const auto& t : rows) {
    Xapian::Document doc;
    terms.set_document(doc);
    spelling.count(t.label);
    terms.index_text_without_positions(t.label);
    doc.add_value(slot::works_count, Xapian::sortable_serialise(t.works_count));
    doc.set_data(nlohmann::json{{"id", t.id}, {"label", t.label}, {"works_count", t.works_count},
                                {"researchers_count", t.researchers_count}}.dump());
    db.add_document(doc);
    ++stats.topics;
  }
  spelling.write(db);
  db.commit();
  return path;
}

std::uintmax_t directory_bytes(const std::string& path) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(path, ec))
    if (entry.is_regular_file(ec)) total += entry.file_size(ec);
  return total;
}

// Removes index directories that CURRENT no longer names (older builds, or a build
// that was interrupted before its swap).
void remove_unused(const std::string& data_dir, const IndexPaths& live) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / "search", ec)) {
    if (!entry.is_directory()) continue;
    std::string p = entry.path().string();
    if (p != live.works && p != live.researchers && p != live.topics) fs::remove_all(entry.path(), ec);
  }
}

}  // namespace

Result<IndexStats> build_search_index(store::IndexSource& source, const std::string& data_dir, const ShardLayout& layout) {
  IndexStats stats;
  std::error_code ec;
  fs::create_directories(fs::path(data_dir) / "search", ec);
  if (ec) return make_error(ErrorCode::io, "cannot create " + data_dir + "/search: " + ec.message());
  try {
    IndexPaths paths = current_index_paths(data_dir);
    auto start = std::chrono::steady_clock::now();
    auto works = index_works(source, data_dir, paths.works, layout, stats);
    if (!works) return works.error();
    stats.works_seconds = seconds_since(start);
    start = std::chrono::steady_clock::now();
    // Topics (read first: they are few) are indexed on a thread of their own while
    // researchers are read and indexed on this one; the source is used by one at a time.
    std::vector<model::TopicSummary> topic_rows;
    if (Status read = source.for_each_topic([&](model::TopicSummary&& t) { topic_rows.push_back(std::move(t)); }); !read)
      return read.error();
    auto topics_future = std::async(std::launch::async, [&] { return index_topics(topic_rows, data_dir, stats); });
    auto researchers = index_researchers(source, data_dir, stats);
    auto topics = topics_future.get();
    if (!researchers) return researchers.error();
    if (!topics) return topics.error();
    IndexPaths next{*works, *researchers, *topics};
    stats.people_seconds = seconds_since(start);
    // Last, once every file is final: what serve and the next build check them against.
    for (const auto& dir : {next.works, next.researchers, next.topics})
      if (auto written = write_checksums(dir); !written) return written.error();
    if (!write_index_paths(data_dir, next)) return make_error(ErrorCode::io, "cannot write " + data_dir + "/search/CURRENT");
    remove_unused(data_dir, next);
    stats.bytes = directory_bytes(next.works) + directory_bytes(next.researchers) + directory_bytes(next.topics);
    return stats;
  } catch (const Xapian::Error& e) {
    return make_error(ErrorCode::io, "search index: " + e.get_description());
  }
}

}  // namespace bzpeer::search

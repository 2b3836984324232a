#include "search/index_builder.hpp"

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
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

// A term generator that stems as the query parser does and can feed `db`'s spelling table.
Xapian::TermGenerator term_generator(Xapian::WritableDatabase& db) {
  Xapian::TermGenerator terms;
  terms.set_stemmer(stemmer());
  terms.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  terms.set_database(db);
  return terms;
}

class WorkIndexer {
 public:
  WorkIndexer(Xapian::WritableDatabase& db, const ShardLayout& layout)
      : db_(db), layout_(layout), terms_(term_generator(db)) {}

  void add(const store::WorkSummary& w) {
    Xapian::Document doc;
    terms_.set_document(doc);
    // Titles weigh three times the abstract, and with author names feed the spelling
    // dictionary. Titles and names keep positions, in their fields too (title:"..."
    // phrases); venues and categories do not need them.
    count_spelling(w.title);
    for (const auto& author : w.authors) count_spelling(author);
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
    db_.replace_document(layout_.local_docid(w.id), doc);
  }

  // Writes the spelling dictionary: once per distinct word with its count. (Letting the
  // term generator add each occurrence as it goes costs more than the rest of indexing.)
  void write_spelling() {
    for (const auto& [word, count] : spelling_) db_.add_spelling(word, count);
    spelling_.clear();
  }

 private:
  void count_spelling(const std::string& text) {
    for (const auto& word : text::words(text)) {
      std::string folded = text::fold(word);
      if (folded.size() >= 2 && folded.size() <= 40) ++spelling_[folded];
    }
  }

  Xapian::WritableDatabase& db_;
  ShardLayout layout_;
  Xapian::TermGenerator terms_;
  std::unordered_map<std::string, Xapian::termcount> spelling_;
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
  // Larger batches between flushes: fewer merges of the posting tables.
  setenv("XAPIAN_FLUSH_THRESHOLD", "50000", /*overwrite=*/0);
  std::vector<Xapian::WritableDatabase> shards;
  for (unsigned s = 0; s < layout.count; ++s)
    shards.emplace_back(shard_path(path, s), since < 0 ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_OPEN);
  std::vector<std::unique_ptr<BoundedQueue<store::WorkSummary>>> queues;
  std::vector<std::thread> workers;
  std::vector<std::string> failures(layout.count);
  for (unsigned s = 0; s < layout.count; ++s) {
    queues.push_back(std::make_unique<BoundedQueue<store::WorkSummary>>(1024));
    workers.emplace_back([&, s] {
      WorkIndexer indexer(shards[s], layout);
      while (auto w = queues[s]->pop()) {
        try {
          if (failures[s].empty()) indexer.add(*w);
        } catch (const Xapian::Error& e) {
          failures[s] = e.get_description();  // keep draining so the reader never blocks
        }
      }
      try {
        if (failures[s].empty()) indexer.write_spelling();
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
  for (unsigned s = 0; s < layout.count; ++s) {
    auto& shard = shards[s];
    shard.commit();  // the spelling table, so that its dictionary can be copied out
    write_spelling_dictionary(shard);
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
  Xapian::TermGenerator terms = term_generator(db);
  // Names, affiliations and topics are short: no positions needed.
  read = source.for_each_researcher_for_search([&](store::ResearcherSearchRow&& p) {
    Xapian::Document doc;
    terms.set_document(doc);
    terms.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    terms.index_text_without_positions(p.display_name, 3);
    terms.index_text_without_positions(p.display_name, 1, prefix::author);
    std::string folded_name = text::fold(p.display_name);
    if (auto it = variants.find(p.id); it != variants.end())
      for (const auto& v : it->second)
        if (text::fold(v) != folded_name) {
          terms.index_text_without_positions(v, 2);
          terms.index_text_without_positions(v, 1, prefix::author);
        }
    terms.set_flags(Xapian::TermGenerator::flags(0));
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
  db.commit();
  write_spelling_dictionary(db);
  db.commit();
  return path;
}

Result<std::string> index_topics(store::IndexSource& source, const std::string& data_dir, IndexStats& stats) {
  std::string path = fresh_dir(data_dir, "topics");
  Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
  Xapian::TermGenerator terms = term_generator(db);
  terms.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
  Status read = source.for_each_topic([&](model::TopicSummary&& t) {
    Xapian::Document doc;
    terms.set_document(doc);
    terms.index_text_without_positions(t.label);
    doc.add_value(slot::works_count, Xapian::sortable_serialise(t.works_count));
    doc.set_data(nlohmann::json{{"id", t.id}, {"label", t.label}, {"works_count", t.works_count},
                                {"researchers_count", t.researchers_count}}.dump());
    db.add_document(doc);
    ++stats.topics;
  });
  if (!read) return read.error();
  db.commit();
  write_spelling_dictionary(db);
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
    auto researchers = index_researchers(source, data_dir, stats);
    if (!researchers) return researchers.error();
    auto topics = index_topics(source, data_dir, stats);
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

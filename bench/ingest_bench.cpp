// ingest-bench: the two limits `bzpeer ingest` is held to, measured on the same input in
// the same run (bench/run times `bzpeer ingest` itself and reports the ratio):
// - simdjson alone: every JSON-lines input parsed and every value visited, nothing kept;
// - a bare SQLite bulk insert of the same rows: the works and authorships our readers
//   produce, into plain tables (no indexes, no upsert, no content hash) with the
//   catalog's page size and journal settings, prepared statements in one transaction;
// and, for reference, our readers alone (parse, clean and validate into a null sink).
// Prints one JSON line.
#include <sqlite3.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <string>
#include <vector>

#include "ingest/reader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "ingest-bench: %s\n", message.c_str());
  std::exit(1);
}

// Keeps what the readers produce, to insert it afterwards.
class KeepingSink final : public bzpeer::ingest::RecordSink {
 public:
  explicit KeepingSink(bool keep) : keep_(keep) {}
  void accept(bzpeer::model::Work&& work) override {
    authorships += work.authors.size();
    if (keep_) works.push_back(std::move(work));
    ++records;
  }
  void reject(bzpeer::ingest::Issue) override { ++rejected; }
  std::vector<bzpeer::model::Work> works;
  std::uint64_t records = 0, rejected = 0, authorships = 0;

 private:
  bool keep_;
};

// Visits every value of a document (simdjson's on-demand API parses as it is walked).
std::uint64_t visit(simdjson::ondemand::value value) {
  std::uint64_t n = 1;
  switch (value.type()) {
    case simdjson::ondemand::json_type::object:
      for (auto field : value.get_object()) n += visit(field.value());
      break;
    case simdjson::ondemand::json_type::array:
      for (auto element : value.get_array()) n += visit(element.value());
      break;
    case simdjson::ondemand::json_type::string: {
      std::string_view text;  // unescaped, as a reader would
      if (value.get_string().get(text)) die("bad JSON string");
      break;
    }
    default:
      (void)value.raw_json_token();
  }
  return n;
}

// Every JSON-lines input, one document a line; the number of values visited.
std::uint64_t parse_json_lines(const std::vector<bzpeer::ingest::Input>& inputs) {
  simdjson::ondemand::parser parser;
  std::uint64_t values = 0;
  for (const auto& input : inputs) {
    if (std::filesystem::is_directory(input.path)) continue;  // S2AND folders: not JSON lines
    simdjson::padded_string text;
    if (simdjson::padded_string::load(input.path).get(text)) die("cannot read " + input.path);
    std::string_view view(text);
    size_t first = view.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || (view[first] != '{' && view[first] != '[')) continue;  // XML: not JSON lines
    simdjson::ondemand::document_stream docs;
    if (parser.iterate_many(text, 1 << 24).get(docs)) die("cannot parse " + input.path);
    for (auto doc : docs) {
      simdjson::ondemand::value root;
      if (doc.get_value().get(root)) die("bad JSON in " + input.path);
      values += visit(root);
    }
  }
  return values;
}

class Sqlite {
 public:
  explicit Sqlite(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) die("cannot open " + path);
  }
  ~Sqlite() { sqlite3_close(db_); }
  void exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) die(std::string("sqlite: ") + error);
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) die(std::string("sqlite: ") + sqlite3_errmsg(db_));
    return stmt;
  }
  sqlite3* db_ = nullptr;
};

// Binds `texts` to the parameters from `first` on.
void bind_texts(sqlite3_stmt* s, int first, std::initializer_list<const std::string*> texts) {
  for (const std::string* text : texts)
    sqlite3_bind_text(s, first++, text->data(), static_cast<int>(text->size()), SQLITE_STATIC);
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) (out.empty() ? out : out += ' ') += item;
  return out;
}

void step(sqlite3_stmt* s) {
  if (sqlite3_step(s) != SQLITE_DONE) die("sqlite: insert failed");
  sqlite3_reset(s);
}

void bare_insert(const std::string& path, const std::vector<bzpeer::model::Work>& works) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  Sqlite db(path);
  db.exec("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536");
  db.exec("CREATE TABLE works(id INTEGER PRIMARY KEY, external_id TEXT, source TEXT, type TEXT, title TEXT, "
          "abstract TEXT, year INTEGER, date TEXT, venue TEXT, categories TEXT, doi TEXT, url TEXT, cited TEXT)");
  db.exec("CREATE TABLE authorships(id INTEGER PRIMARY KEY, work_id INTEGER, position INTEGER, raw_name TEXT, "
          "first TEXT, last TEXT, affiliation TEXT, email TEXT, orcid TEXT, source_person_id TEXT)");
  sqlite3_stmt* work = db.prepare("INSERT INTO works VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  sqlite3_stmt* author = db.prepare("INSERT INTO authorships VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  db.exec("BEGIN");
  std::int64_t id = 0;
  for (const auto& w : works) {
    ++id;
    std::string categories = joined(w.categories), cited = joined(w.cited);
    sqlite3_bind_int64(work, 1, id);
    bind_texts(work, 2, {&w.external_id, &w.source, &w.type, &w.title, &w.abstract});
    sqlite3_bind_int(work, 7, w.year);
    bind_texts(work, 8, {&w.date, &w.venue, &categories, &w.doi, &w.url, &cited});
    step(work);
    for (const auto& a : w.authors) {
      sqlite3_bind_int64(author, 1, id * 8192 + a.position);
      sqlite3_bind_int64(author, 2, id);
      sqlite3_bind_int(author, 3, a.position);
      bind_texts(author, 4, {&a.raw_name, &a.first, &a.last, &a.affiliation, &a.email, &a.orcid, &a.source_person_id});
      step(author);
    }
  }
  db.exec("COMMIT");
  sqlite3_finalize(work);
  sqlite3_finalize(author);
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");  // as ingest's rows reach the database file
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"The limits of ingest: simdjson alone and a bare SQLite bulk insert of the same rows"};
  std::string scratch;
  std::vector<std::string> paths;
  app.add_option("--scratch", scratch, "Folder for the bare insert's database (removed afterwards)")->required();
  app.add_option("paths", paths, "Inputs, as for bzpeer ingest")->required();
  CLI11_PARSE(app, argc, argv);

  KeepingSink planning(false);
  auto inputs = bzpeer::ingest::plan_inputs(paths, bzpeer::ingest::Format::automatic, planning);

  auto start = Clock::now();
  std::uint64_t values = parse_json_lines(inputs);
  double simdjson_seconds = seconds_since(start);

  KeepingSink readers(true);
  start = Clock::now();
  for (const auto& input : inputs) bzpeer::ingest::read_input(input, readers);
  double readers_seconds = seconds_since(start);

  std::filesystem::create_directories(scratch);
  std::string db = scratch + "/bare-insert.sqlite";
  start = Clock::now();
  bare_insert(db, readers.works);
  double insert_seconds = seconds_since(start);
  std::filesystem::remove(db);

  nlohmann::ordered_json out = {{"records", readers.records},       {"rejected", readers.rejected},
                                {"authorships", readers.authorships}, {"json_values", values},
                                {"simdjson_seconds", simdjson_seconds}, {"readers_seconds", readers_seconds},
                                {"bare_insert_seconds", insert_seconds}};
  std::printf("%s\n", out.dump().c_str());
  return 0;
}

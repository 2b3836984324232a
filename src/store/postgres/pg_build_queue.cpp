// The partitioned build's queue on PostgreSQL (store/build_queue.hpp). A worker's
// connection holds one transaction per partition: the row lock taken with FOR UPDATE
// SKIP LOCKED keeps other workers off it, its results are written in the same
// transaction, and if the worker dies the server rolls it back and the partition is
// pending again.
#include <cstdint>
#include <unordered_map>

#include "store/build_queue.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/pg_catalog.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql/authorship_key.hpp"
#include "store/sql/result_guard.hpp"
#include "store/sql/sql_pass_rows.hpp"

namespace bzpeer::store::postgres {

namespace {

using sql::guarded;

const char* kind_name(PartitionKind kind) {
  switch (kind) {
    case PartitionKind::works: return "works";
    case PartitionKind::blocks: return "blocks";
    case PartitionKind::profiles: return "profiles";
    case PartitionKind::terms: return "terms";
  }
  return "";
}

// Stem hashes are unsigned; BIGINT is signed: stored as the same 64 bits.
std::string as_bigint(std::uint64_t hash) { return std::to_string(static_cast<std::int64_t>(hash)); }

// The works of a partition: those with at least one of its authorships (an authorship
// key names its work: sql/authorship_key.hpp).
std::string partition_work_ids() {
  return "SELECT DISTINCT b.authorship_id / " + std::to_string(sql::kAuthorSlotsPerWork) +
         " AS work_id FROM build_authorships b WHERE b.run_id = ?1 AND b.part = ?2";
}

constexpr const char* kTruncateWorkingRows =
    "TRUNCATE build_partitions, build_term_df, build_name_counts, build_authorships, build_work_evidence, build_results, "
    "build_topic_tallies";

// build_runs.status of a run that workers may still join.
constexpr const char* kJoinable = "('open', 'profiles', 'terms')";

class PgBuildQueue final : public BuildQueue {
 public:
  explicit PgBuildQueue(std::unique_ptr<sql::Connection> db) : db_(std::move(db)) {}

  Result<IdentityRun> create_run(const IdentityRunPlan& plan) override {
    return guarded([&]() -> Result<IdentityRun> {
      sql::Transaction tx(*db_);
      db_->exec(std::string("UPDATE build_runs SET status = 'closed' WHERE status IN ") + kJoinable);
      db_->exec(kTruncateWorkingRows);
      auto insert = db_->prepare(
          "INSERT INTO build_runs(partitions, documents, status, created_at) "
          "VALUES (?, ?, 'open', extract(epoch from now())::bigint) RETURNING id");
      insert.bind(1, plan.partitions).bind(2, static_cast<std::int64_t>(plan.documents));
      if (!insert.step()) throw sql::DatabaseError("creating a build run returned no id");
      IdentityRun run{insert.column_int(0), plan.partitions, static_cast<int>(plan.work_ranges.size())};
      insert.reset();
      const std::string id = std::to_string(run.id);
      {
        auto rows = db_->bulk_insert("build_partitions", {"run_id", "kind", "part", "first_id", "last_id", "status"});
        for (int p = 0; p < plan.partitions; ++p) {
          std::string part = std::to_string(p);
          rows->add_row({id, "blocks", part, "0", "0", "pending"});
        }
        for (size_t p = 0; p < plan.work_ranges.size(); ++p) {
          std::string part = std::to_string(p), first = std::to_string(plan.work_ranges[p].first),
                      last = std::to_string(plan.work_ranges[p].second);
          rows->add_row({id, "works", part, first, last, "pending"});
        }
        rows->finish();
      }
      {
        auto rows = db_->bulk_insert("build_term_df", {"run_id", "hash", "df"});
        for (const auto& [hash, df] : plan.term_df) {
          std::string h = as_bigint(hash), d = std::to_string(df);
          rows->add_row({id, h, d});
        }
        rows->finish();
      }
      {
        auto rows = db_->bulk_insert("build_name_counts", {"run_id", "family", "name", "people"});
        for (const auto& n : plan.names) {
          std::string people = std::to_string(n.people);
          rows->add_row({id, n.family ? "1" : "0", n.name, people});
        }
        rows->finish();
      }
      {
        auto rows = db_->bulk_insert("build_authorships", {"run_id", "part", "authorship_id", "person_id"});
        for (const auto& a : plan.authorships) {
          std::string part = std::to_string(a.partition), authorship = std::to_string(a.id);
          rows->add_row({id, part, authorship, a.person_id});
        }
        rows->finish();
      }
      tx.commit();
      // Fresh tables have no statistics: without them the planner scans for every partition.
      db_->exec("ANALYZE build_authorships");
      return run;
    });
  }

  Result<std::optional<IdentityRun>> open_run() override {
    return guarded([&]() -> Result<std::optional<IdentityRun>> {
      auto s = db_->prepare(
          "SELECT r.id, r.partitions, (SELECT COUNT(*) FROM build_partitions p WHERE p.run_id = r.id AND p.kind = 'works') "
          "FROM build_runs r WHERE r.status IN " + std::string(kJoinable) + " ORDER BY r.id DESC LIMIT 1");
      if (!s.step()) return std::optional<IdentityRun>();
      return std::optional<IdentityRun>(
          IdentityRun{s.column_int(0), static_cast<int>(s.column_int(1)), static_cast<int>(s.column_int(2))});
    });
  }

  Result<std::int64_t> newest_run_id() override {
    return guarded([&]() -> Result<std::int64_t> {
      auto s = db_->prepare("SELECT COALESCE(MAX(id), 0) FROM build_runs");
      s.step();
      return s.column_int(0);
    });
  }

  Result<IdentityRunPlan> run_statistics(std::int64_t run) override {
    return guarded([&]() -> Result<IdentityRunPlan> {
      IdentityRunPlan plan;
      auto head = db_->prepare("SELECT partitions, documents FROM build_runs WHERE id = ?");
      head.bind(1, run);
      if (!head.step()) return make_error(ErrorCode::not_found, "no build run " + std::to_string(run));
      plan.partitions = static_cast<int>(head.column_int(0));
      plan.documents = static_cast<std::uint64_t>(head.column_int(1));
      head.reset();
      auto df = db_->prepare_scan("SELECT hash, df FROM build_term_df WHERE run_id = ?");
      df.bind(1, run);
      while (df.step())
        plan.term_df.emplace_back(static_cast<std::uint64_t>(df.column_int(0)), static_cast<std::uint32_t>(df.column_int(1)));
      df.reset();
      auto names = db_->prepare_scan("SELECT family, name, people FROM build_name_counts WHERE run_id = ?");
      names.bind(1, run);
      while (names.step())
        plan.names.push_back({names.column_int(0) != 0, names.column_text(1), static_cast<std::uint32_t>(names.column_int(2))});
      return plan;
    });
  }

  Result<std::optional<int>> take_partition(std::int64_t run, PartitionKind kind, const std::string& worker) override {
    return guarded([&]() -> Result<std::optional<int>> {
      release_partition();
      if (worker != named_) {  // operators see who holds what in pg_stat_activity
        auto name = db_->prepare("SELECT set_config('application_name', ?, false)");
        name.bind(1, "bzpeer build " + worker);
        name.step();
        named_ = worker;
      }
      db_->begin();
      holding_ = true;
      auto s = db_->prepare(
          "SELECT part FROM build_partitions WHERE run_id = ? AND kind = ? AND status = 'pending' ORDER BY part "
          "LIMIT 1 FOR UPDATE SKIP LOCKED");
      s.bind(1, run).bind(2, std::string(kind_name(kind)));
      if (!s.step()) {
        s.reset();
        release_partition();
        return std::optional<int>();
      }
      int part = static_cast<int>(s.column_int(0));
      s.reset();
      // Seen by others once the partition is done: who did it.
      auto mark = db_->prepare("UPDATE build_partitions SET worker = ? WHERE run_id = ? AND kind = ? AND part = ?");
      mark.bind(1, worker).bind(2, run).bind(3, std::string(kind_name(kind))).bind(4, part);
      mark.run();
      held_ = kind;
      return std::optional<int>(part);
    });
  }

  Status partition_authorships(std::int64_t run, int partition,
                               const std::function<void(AuthorshipRow&&)>& visit) override {
    return guarded([&]() -> Status {
      auto s = db_->prepare_scan(std::string("SELECT ") + sql::kAuthorshipRowColumns +
                                 ", b.person_id FROM build_authorships b JOIN authorships a ON a.id = b.authorship_id "
                                 "LEFT JOIN researcher_authorships ra ON ra.authorship_id = a.id "
                                 "WHERE b.run_id = ? AND b.part = ? ORDER BY a.id");
      s.bind(1, run).bind(2, partition);
      while (s.step()) {
        auto row = sql::read_authorship_row(s);
        row.source_person_id = s.column_text(11);
        visit(std::move(row));
      }
      return Ok{};
    });
  }

  Status range_works(std::int64_t run, int partition, const std::function<void(PartitionWork&&)>& visit) override {
    return guarded([&]() -> Status {
      // Authors first (names only, a partition's worth), then the works streamed by id.
      std::unordered_map<std::int64_t, std::vector<PartitionWork::Author>> authors;
      const std::string slots = std::to_string(sql::kAuthorSlotsPerWork);
      auto names = db_->prepare_scan(
          "SELECT a.work_id, a.first, a.last, a.raw_name FROM build_partitions p JOIN authorships a "
          "ON a.id >= p.first_id * " + slots + " AND a.id < (p.last_id + 1) * " + slots +
          " WHERE p.run_id = ?1 AND p.kind = 'works' AND p.part = ?2 ORDER BY a.id");
      names.bind(1, run).bind(2, partition);
      while (names.step())
        authors[names.column_int(0)].push_back({names.column_text(1), names.column_text(2), names.column_text(3)});
      names.reset();
      auto works = db_->prepare_scan(std::string("SELECT ") + sql::kWorkRowColumns +
                                     " FROM build_partitions p JOIN works w ON w.id >= p.first_id AND w.id <= p.last_id "
                                     "WHERE p.run_id = ?1 AND p.kind = 'works' AND p.part = ?2 ORDER BY w.id");
      works.bind(1, run).bind(2, partition);
      while (works.step()) {
        PartitionWork w{sql::read_work_row(works), {}};
        if (auto it = authors.find(w.work.id); it != authors.end()) w.authors = std::move(it->second);
        visit(std::move(w));
      }
      return Ok{};
    });
  }

  Status finish_works_partition(std::int64_t run, int partition,
                                const std::vector<std::pair<std::int64_t, std::string>>& evidence) override {
    return finish_held(PartitionKind::works, run, partition, [&] {
      const std::string id = std::to_string(run);
      auto rows = db_->bulk_insert("build_work_evidence", {"run_id", "work_id", "evidence"});
      for (const auto& [work, bytes] : evidence) {
        std::string work_id = std::to_string(work), hex = hex_bytea(bytes);
        rows->add_row({id, work_id, hex});
      }
      rows->finish();
    });
  }

  Status partition_evidence(std::int64_t run, int partition,
                            const std::function<void(std::int64_t, std::string&&)>& visit) override {
    return guarded([&]() -> Status {
      auto s = db_->prepare_scan("SELECT e.work_id, e.evidence FROM (" + partition_work_ids() +
                                 ") pw JOIN build_work_evidence e ON e.run_id = ?1 AND e.work_id = pw.work_id "
                                 "ORDER BY e.work_id");
      s.bind(1, run).bind(2, partition);
      while (s.step()) visit(s.column_int(0), s.column_blob(1));
      return Ok{};
    });
  }

  Status finish_blocks_partition(std::int64_t run, int partition, const std::vector<PartitionResult>& results) override {
    return finish_held(PartitionKind::blocks, run, partition, [&] {
      const std::string id = std::to_string(run);
      auto rows = db_->bulk_insert("build_results", {"run_id", "authorship_id", "cluster", "explanation", "strength"});
      for (const auto& r : results) {
        std::string authorship = std::to_string(r.authorship_id), cluster = std::to_string(r.cluster);
        const auto& strength = r.attribution.strength;
        rows->add_row({id, authorship, cluster, r.attribution.explanation,
                       strength ? std::optional<std::string_view>(model::name(*strength)) : std::nullopt});
      }
      rows->finish();
    });
  }

  void release_partition() override {
    if (!holding_) return;
    holding_ = false;
    try {
      db_->rollback();
    } catch (const sql::DatabaseError&) {
      // The connection is gone, and the server has rolled back already.
    }
  }

  Result<int> partitions_left(std::int64_t run, PartitionKind kind) override {
    return guarded([&]() -> Result<int> {
      auto s = db_->prepare("SELECT COUNT(*) FROM build_partitions WHERE run_id = ? AND kind = ? AND status <> 'done'");
      s.bind(1, run).bind(2, std::string(kind_name(kind)));
      s.step();
      return static_cast<int>(s.column_int(0));
    });
  }

  Status for_each_result(std::int64_t run, const std::function<void(PartitionResult&&)>& visit) override {
    return guarded([&]() -> Status {
      auto s = db_->prepare_scan(
          "SELECT authorship_id, cluster, explanation, strength FROM build_results WHERE run_id = ? ORDER BY authorship_id");
      s.bind(1, run);
      while (s.step()) {
        PartitionResult r;
        r.authorship_id = s.column_int(0);
        r.cluster = s.column_int(1);
        r.attribution.explanation = s.column_text(2);
        if (!s.column_is_null(3)) r.attribution.strength = model::parse_attribution_strength(s.column_text(3));
        visit(std::move(r));
      }
      return Ok{};
    });
  }

  Result<RunStage> run_stage(std::int64_t run) override {
    return guarded([&]() -> Result<RunStage> {
      auto s = db_->prepare("SELECT status FROM build_runs WHERE id = ?");
      s.bind(1, run);
      if (!s.step()) return make_error(ErrorCode::not_found, "no build run " + std::to_string(run));
      const std::string status = s.column_text(0);
      if (status == "open") return RunStage::identity;
      if (status == "profiles") return RunStage::profiles;
      return status == "terms" ? RunStage::terms : RunStage::closed;
    });
  }

  Status open_profiles(std::int64_t run) override { return open_stage(run, "open", PartitionKind::profiles); }
  Status open_terms(std::int64_t run) override { return open_stage(run, "profiles", PartitionKind::terms); }

  Status finish_profiles_partition(std::int64_t run, int partition, const std::vector<TopicTally>& tallies) override {
    return finish_held(PartitionKind::profiles, run, partition, [&] {
      auto rows = db_->bulk_insert("build_topic_tallies", {"run_id", "part", "topic_id", "label", "researchers"});
      const std::string id = std::to_string(run), part = std::to_string(partition);
      for (const auto& t : tallies) {
        const std::string researchers = std::to_string(t.researchers);
        rows->add_row({id, part, t.id, t.label, researchers});
      }
      rows->finish();
    });
  }

  Status finish_terms_partition(std::int64_t run, int partition) override {
    return finish_held(PartitionKind::terms, run, partition, [] {});
  }

  Status for_each_topic_tally(std::int64_t run, const std::function<void(TopicTally&&)>& visit) override {
    return guarded([&]() -> Status {
      // In partition order: a topic's label is the one its first partition saw, as in one process.
      auto s = db_->prepare_scan("SELECT topic_id, label, researchers FROM build_topic_tallies WHERE run_id = ? ORDER BY part");
      s.bind(1, run);
      while (s.step()) visit({s.column_text(0), s.column_text(1), static_cast<int>(s.column_int(2))});
      return Ok{};
    });
  }

  Status close_run(std::int64_t run) override {
    return guarded([&]() -> Status {
      sql::Transaction tx(*db_);
      auto s = db_->prepare("UPDATE build_runs SET status = 'closed' WHERE id = ?");
      s.bind(1, run);
      s.run();
      db_->exec(kTruncateWorkingRows);
      tx.commit();
      return Ok{};
    });
  }

  ~PgBuildQueue() override { release_partition(); }

 private:
  // Queues a partition of `stage` per block partition and moves the run from status
  // `from` to the stage's (named as its partitions' kind), in one transaction.
  Status open_stage(std::int64_t run, const std::string& from, PartitionKind stage) {
    return guarded([&]() -> Status {
      const std::string kind = kind_name(stage);
      sql::Transaction tx(*db_);
      auto parts = db_->prepare(
          "INSERT INTO build_partitions(run_id, kind, part, status) "
          "SELECT id, ?2, generate_series(0, partitions - 1), 'pending' FROM build_runs WHERE id = ?1 AND status = ?3");
      parts.bind(1, run).bind(2, kind).bind(3, from);
      parts.run();
      auto moved = db_->prepare("UPDATE build_runs SET status = ?2 WHERE id = ?1 AND status = ?3");
      moved.bind(1, run).bind(2, kind).bind(3, from);
      moved.run();
      tx.commit();
      return Ok{};
    });
  }

  // Writes a held partition's results (`write`) and marks it done, committing the
  // transaction that held it.
  template <typename Write>
  Status finish_held(PartitionKind kind, std::int64_t run, int partition, Write&& write) {
    if (!holding_ || held_ != kind) return make_error(ErrorCode::internal, "finishing a partition this worker does not hold");
    return guarded([&]() -> Status {
      write();
      auto done = db_->prepare("UPDATE build_partitions SET status = 'done' WHERE run_id = ? AND kind = ? AND part = ?");
      done.bind(1, run).bind(2, std::string(kind_name(kind))).bind(3, partition);
      done.run();
      db_->commit();
      holding_ = false;
      return Ok{};
    });
  }

  std::unique_ptr<sql::Connection> db_;
  bool holding_ = false;  // a partition's transaction is open
  PartitionKind held_ = PartitionKind::works;
  std::string named_;     // the worker this connection is named after
};

}  // namespace

std::unique_ptr<BuildQueue> open_pg_build_queue(const std::string& url) {
  auto db = open_connection(url);
  migrate(*db);
  return std::make_unique<PgBuildQueue>(std::move(db));
}

}  // namespace bzpeer::store::postgres

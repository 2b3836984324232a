#include "store/sqlite/migrations.hpp"

#include <string>
#include <vector>

#include "store/sql/weak_works.hpp"

namespace bzpeer::store::sqlite {

namespace {

// Never edit a migration that has shipped; add a new one.
const std::vector<std::string>& migrations() {
  static const std::vector<std::string> list = {
      // 1: the catalog of works and their authorships, as ingested.
      R"sql(
        CREATE TABLE works (
          id INTEGER PRIMARY KEY,
          external_id TEXT NOT NULL UNIQUE,
          source TEXT NOT NULL,
          type TEXT NOT NULL,
          title TEXT NOT NULL,
          abstract TEXT NOT NULL DEFAULT '',
          year INTEGER NOT NULL,
          date TEXT NOT NULL DEFAULT '',
          venue TEXT NOT NULL DEFAULT '',
          categories TEXT NOT NULL DEFAULT '',
          doi TEXT NOT NULL DEFAULT '',
          url TEXT NOT NULL DEFAULT '',
          content_hash INTEGER NOT NULL
        );
        -- id = work_id * 8192 + position: stable, and no second index to maintain.
        CREATE TABLE authorships (
          id INTEGER PRIMARY KEY,
          work_id INTEGER NOT NULL REFERENCES works(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          raw_name TEXT NOT NULL,
          first TEXT NOT NULL DEFAULT '',
          last TEXT NOT NULL DEFAULT '',
          affiliation TEXT NOT NULL DEFAULT '',
          email TEXT NOT NULL DEFAULT '',
          orcid TEXT NOT NULL DEFAULT '',
          source_person_id TEXT NOT NULL DEFAULT ''
        );
      )sql",
      // 2: what `bzpeer build` derives: researchers, their works and profiles.
      R"sql(
        CREATE TABLE researchers (
          id INTEGER PRIMARY KEY,
          display_name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          works_count INTEGER NOT NULL DEFAULT 0,
          profile_json TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX researchers_by_name ON researchers(name_key, works_count DESC);
        CREATE TABLE researcher_authorships (
          authorship_id INTEGER PRIMARY KEY,
          researcher_id INTEGER NOT NULL
        );
        CREATE TABLE researcher_works (
          researcher_id INTEGER NOT NULL,
          work_id INTEGER NOT NULL,
          year INTEGER NOT NULL,
          date TEXT NOT NULL,
          PRIMARY KEY (researcher_id, work_id)
        ) WITHOUT ROWID;
        CREATE INDEX researcher_works_newest ON researcher_works(researcher_id, year DESC, date DESC, work_id DESC);
      )sql",
      // 3: identity explains each attribution, so a researcher can see why and contest it.
      R"sql(
        ALTER TABLE researcher_authorships ADD COLUMN evidence TEXT NOT NULL DEFAULT '';
      )sql",
      // 4: ids retired by merges keep pointing at the researcher they became.
      R"sql(
        CREATE TABLE researcher_redirects (
          old_id INTEGER PRIMARY KEY,
          new_id INTEGER NOT NULL
        );
      )sql",
      // 5: search. Every ingest batch that changes works bumps a revision, so the search
      // index can take in only what changed since it last looked; topics become rows.
      R"sql(
        CREATE TABLE catalog_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO catalog_meta(key, value) VALUES ('works_revision', 0);
        ALTER TABLE works ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE topics (
          id TEXT PRIMARY KEY,
          label TEXT NOT NULL,
          works_count INTEGER NOT NULL,
          researchers_count INTEGER NOT NULL
        ) WITHOUT ROWID;
      )sql",
      // 6: accounts and what they do: sessions, one-time tokens (hashes only), claims,
      // disputes, corrections, follows, conversations, blocks, reports, the audit log.
      R"sql(
        CREATE TABLE accounts (
          id INTEGER PRIMARY KEY,
          email TEXT NOT NULL UNIQUE,
          password_hash TEXT NOT NULL,
          display_name TEXT NOT NULL,
          email_verified INTEGER NOT NULL DEFAULT 0,
          orcid TEXT NOT NULL DEFAULT '',
          role TEXT NOT NULL DEFAULT 'member',
          created_at INTEGER NOT NULL
        );
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES accounts(id),
          csrf_token TEXT NOT NULL,
          expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE account_tokens (
          token_hash TEXT PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES accounts(id),
          purpose TEXT NOT NULL,
          expires_at INTEGER NOT NULL,
          used INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE TABLE claims (
          researcher_id INTEGER PRIMARY KEY,
          account_id INTEGER NOT NULL UNIQUE REFERENCES accounts(id),
          level TEXT NOT NULL,
          evidence TEXT NOT NULL DEFAULT '',
          open_to_collaborate INTEGER NOT NULL DEFAULT 1,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE disputes (
          id INTEGER PRIMARY KEY,
          researcher_id INTEGER NOT NULL,
          claimant_account_id INTEGER NOT NULL REFERENCES accounts(id),
          status TEXT NOT NULL DEFAULT 'open',
          resolution TEXT NOT NULL DEFAULT '',
          created_at INTEGER NOT NULL
        );
        CREATE TABLE corrections (
          researcher_id INTEGER NOT NULL,
          work_id INTEGER NOT NULL,
          action TEXT NOT NULL CHECK (action IN ('confirm', 'remove', 'add')),
          account_id INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (researcher_id, work_id)
        ) WITHOUT ROWID;
        CREATE TABLE follows (
          account_id INTEGER NOT NULL,
          target TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (account_id, target)
        ) WITHOUT ROWID;
        CREATE INDEX follows_by_target ON follows(target);
        CREATE TABLE conversations (
          id INTEGER PRIMARY KEY,
          researcher_id INTEGER NOT NULL,
          researcher_account_id INTEGER NOT NULL,
          initiator_account_id INTEGER NOT NULL,
          subject TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'invited',
          created_at INTEGER NOT NULL
        );
        CREATE INDEX conversations_by_initiator ON conversations(initiator_account_id, created_at);
        CREATE INDEX conversations_by_researcher_account ON conversations(researcher_account_id);
        CREATE TABLE messages (
          id INTEGER PRIMARY KEY,
          conversation_id INTEGER NOT NULL REFERENCES conversations(id),
          sender_account_id INTEGER NOT NULL,
          body TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX messages_by_conversation ON messages(conversation_id, id);
        CREATE TABLE blocks (
          blocker_account_id INTEGER NOT NULL,
          blocked_account_id INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (blocker_account_id, blocked_account_id)
        ) WITHOUT ROWID;
        CREATE TABLE reports (
          id INTEGER PRIMARY KEY,
          reporter_account_id INTEGER NOT NULL,
          target TEXT NOT NULL,
          reason TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'open',
          created_at INTEGER NOT NULL
        );
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY,
          at INTEGER NOT NULL,
          actor_account_id INTEGER NOT NULL,
          action TEXT NOT NULL,
          subject TEXT NOT NULL,
          detail TEXT NOT NULL DEFAULT ''
        );
      )sql",
      // 7: how firmly identity tied each authorship to its researcher, so a profile can
      // point its owner at the attributions worth checking.
      R"sql(
        ALTER TABLE researcher_authorships ADD COLUMN strength TEXT NOT NULL DEFAULT '';
      )sql",
      // 8: the works each work references (external ids, space-separated), where the
      // source lists them: a paper citing another under the same name is identity evidence.
      R"sql(
        ALTER TABLE works ADD COLUMN cited TEXT NOT NULL DEFAULT '';
      )sql",
      // 9: the feed: readers' marks on works, and each reader's private Atom token.
      R"sql(
        CREATE TABLE work_marks (
          account_id INTEGER NOT NULL,
          work_id INTEGER NOT NULL,
          mark TEXT NOT NULL CHECK (mark IN ('saved', 'liked', 'dismissed')),
          created_at INTEGER NOT NULL,
          PRIMARY KEY (account_id, work_id, mark)
        ) WITHOUT ROWID;
        CREATE TABLE feed_tokens (
          account_id INTEGER PRIMARY KEY,
          token_hash TEXT NOT NULL UNIQUE,
          created_at INTEGER NOT NULL
        );
      )sql",
      // 10: the weekly digest of the feed, for the accounts that asked for it.
      R"sql(
        CREATE TABLE feed_digests (
          account_id INTEGER PRIMARY KEY,
          last_sent_at INTEGER NOT NULL DEFAULT 0
        );
      )sql",
      // 11: notifications of invitations, replies, claim decisions and disputes.
      R"sql(
        CREATE TABLE notifications (
          id INTEGER PRIMARY KEY,
          account_id INTEGER NOT NULL,
          kind TEXT NOT NULL,
          text TEXT NOT NULL,
          link TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          read INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX notifications_by_account ON notifications(account_id, id);
      )sql",
      // 12: each work's term counts for the feed, as of the work's revision when counted
      // (an older revision means the text changed since: counted again at the next build).
      R"sql(
        CREATE TABLE work_terms (
          work_id INTEGER PRIMARY KEY,
          revision INTEGER NOT NULL,
          terms BLOB NOT NULL
        );
        INSERT INTO catalog_meta(key, value) VALUES ('terms_revision', 0);
      )sql",
      // 13: rate-limit events (login failures, reset requests), in the store so that every
      // server behind a load balancer counts the same ones.
      R"sql(
        CREATE TABLE rate_events (
          scope TEXT NOT NULL,
          key TEXT NOT NULL,
          at INTEGER NOT NULL
        );
        CREATE INDEX rate_events_by_key ON rate_events(scope, key, at);
        CREATE INDEX rate_events_by_age ON rate_events(scope, at);
      )sql",
      // 14: the outbox: mail waits in the store until a server sends it, so none is lost
      // with the server that queued it, and any server sends it.
      R"sql(
        CREATE TABLE mail_queue (
          id INTEGER PRIMARY KEY,
          recipient TEXT NOT NULL,
          subject TEXT NOT NULL,
          body TEXT NOT NULL,
          queued_at INTEGER NOT NULL,
          taken_until INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX mail_queue_due ON mail_queue(taken_until, id);
      )sql",
      // 15: each researcher's works tied on weak evidence, counted once (store/sql/weak_works.hpp).
      "ALTER TABLE researchers ADD COLUMN weak_works INTEGER NOT NULL DEFAULT 0;" + sql::count_weak_works_sql(),
  };
  return list;
}

}  // namespace

int latest_schema_version() { return static_cast<int>(migrations().size()); }

int schema_version(sql::Connection& db) {
  auto stmt = db.prepare("PRAGMA user_version");
  stmt.step();
  return static_cast<int>(stmt.column_int(0));
}

void migrate(sql::Connection& db, int target) {
  if (target < 0) target = latest_schema_version();
  int current = schema_version(db);
  for (int version = current + 1; version <= target; ++version) {
    sql::Transaction tx(db);
    db.exec(migrations()[static_cast<size_t>(version - 1)]);
    db.exec("PRAGMA user_version=" + std::to_string(version));
    tx.commit();
  }
}

}  // namespace bzpeer::store::sqlite

#!/usr/bin/env bash
# An ingest killed mid-way leaves a consistent catalog, and running it again completes it.
# On SQLite, or on PostgreSQL through tests/e2e/on_postgres.sh.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
GEN=${2:?path to gen-corpus}
ROOT=${3:?project root}
source "$(dirname "$0")/lib.sh"
catalog() { catalog_sql "$WORK/data" "$1"; }

"$GEN" --works 60000 --vocab-from "$ROOT/../shared/data/acl-anthology-2019" --out "$WORK/corpus.jsonl" 2>/dev/null
"$BZPEER" ingest --data "$WORK/data" "$WORK/corpus.jsonl" > "$WORK/first.out" 2>&1 &
pid=$!
# Killed as soon as the first batches are stored: mid-run, whatever the machine's speed.
stored=0
for _ in $(seq 1000); do
  stored=$(catalog "SELECT COUNT(*) FROM works" 2>/dev/null || echo 0)
  [ "${stored:-0}" -gt 0 ] && break
  sleep 0.01
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true

if [ -z "${BZPEER_DATABASE_URL:-}" ]; then
  integrity=$(catalog "PRAGMA integrity_check")
  [ "$integrity" = "ok" ] || fail "integrity check after kill: $integrity"
fi
partial=$(catalog "SELECT COUNT(*) FROM works")
orphans=$(catalog "SELECT COUNT(*) FROM authorships a LEFT JOIN works w ON w.id = a.work_id WHERE w.id IS NULL")
[ "$orphans" = "0" ] || fail "$orphans authorships without their work after the kill"
[ "$partial" -gt 0 ] && [ "$partial" -lt 60000 ] || fail "the kill did not come mid-run: $partial of 60000 works stored"
# Every generated work has authors: a stored work without them is a half-written batch.
bare=$(catalog "SELECT COUNT(*) FROM works w WHERE NOT EXISTS (SELECT 1 FROM authorships a WHERE a.work_id = w.id)")
[ "$bare" = "0" ] || fail "$bare works stored without their authorships after the kill"

"$BZPEER" ingest --data "$WORK/data" "$WORK/corpus.jsonl" > "$WORK/second.out"
total=$(catalog "SELECT COUNT(*) FROM works")
[ "$total" = "60000" ] || fail "after the rerun the catalog holds $total works, not 60000"
grep -q "new $((60000 - partial)), updated 0, unchanged $partial" "$WORK/second.out" ||
  fail "the rerun did not complete exactly the missing part: $(cat "$WORK/second.out")"
echo "interrupted ingest ($partial of 60000 stored before the kill): 1 passed, 0 failed"

#!/usr/bin/env bash
# A partitioned build on PostgreSQL (run by tests/e2e/on_postgres.sh): a coordinator
# and two `build --worker` processes take partitions of name blocks from the queue, one
# worker is killed while it holds a partition, and the researchers, their authorships
# and the explanations, then their profiles and the topics list (made over the same
# queue, a group of researchers a partition), and the feed's term counts (a group of
# works a partition) equal a one-process build of the same catalog.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
GEN=${2:?path to gen-corpus}
ROOT=${3:?project root}
source "$(dirname "$0")/lib.sh"
[ -n "${BZPEER_DATABASE_URL:-}" ] || fail "run me through tests/e2e/on_postgres.sh"
ONE=$BZPEER_DATABASE_URL
second_catalog many  # for the partitioned build
MANY=$SECOND_CATALOG

"$GEN" --works 8000 --vocab-from "$ROOT/../shared/data/acl-anthology-2019" --out "$WORK/corpus.jsonl" 2>/dev/null
for url in "$ONE" "$MANY"; do "$BZPEER" ingest --catalog "$url" --data "$WORK/d" "$WORK/corpus.jsonl" > /dev/null; done
"$BZPEER" build --catalog "$ONE" --data "$WORK/one" > "$WORK/one.out"

# The worker to be killed waits first, so it holds a partition early.
start_build_worker "$WORK/doomed.out" "$BZPEER" --catalog "$MANY" --data "$WORK/many" --wait 60
doomed=$BUILD_WORKER_PID
start_build_worker "$WORK/worker.out" "$BZPEER" --catalog "$MANY" --data "$WORK/many" --wait 60
worker=$BUILD_WORKER_PID
"$BZPEER" build --catalog "$MANY" --data "$WORK/many" --partitions 12 > "$WORK/many.out" 2>&1 &
coordinator=$!
# A worker holds a partition in an open transaction on a connection named after it.
holding="SELECT COUNT(*) FROM pg_stat_activity WHERE application_name LIKE 'bzpeer build %:$doomed' AND xact_start IS NOT NULL"
held=0
for _ in $(seq 1000); do
  held=$(psql "$MANY" -qAtc "$holding" 2>/dev/null || echo 0)
  [ "$held" -gt 0 ] && break
  sleep 0.01
done
[ "$held" -gt 0 ] || fail "the worker to kill never held a partition: $(cat "$WORK/doomed.out")"
kill -STOP "$doomed"
[ "$(psql "$MANY" -qAtc "$holding")" -gt 0 ] || fail "the worker finished its partition before it could be stopped"
kill -KILL "$doomed"
wait "$doomed" 2>/dev/null || true
wait "$coordinator" || fail "the partitioned build failed: $(cat "$WORK/many.out")"
wait "$worker" || fail "the second worker failed: $(cat "$WORK/worker.out")"
grep -q "^identity: 12 partitions queued" "$WORK/many.out" || fail "no partitions queued: $(cat "$WORK/many.out")"
grep -Eq "^worker: [0-9]+ of 24 partitions" "$WORK/worker.out" || fail "the worker did no work: $(cat "$WORK/worker.out")"
grep -Eq "^worker: [0-9]+ of 12 profiles partitions" "$WORK/worker.out" || fail "the worker made no profiles: $(cat "$WORK/worker.out")"
grep -Eq "^worker: [0-9]+ of 12 terms partitions" "$WORK/worker.out" || fail "the worker never reached the terms: $(cat "$WORK/worker.out")"

for query in "SELECT authorship_id, researcher_id, strength, evidence FROM researcher_authorships ORDER BY 1" \
             "SELECT id, display_name, name_key, works_count FROM researchers ORDER BY 1" \
             "SELECT id, profile_json FROM researchers ORDER BY 1" \
             "SELECT id, label, works_count, researchers_count FROM topics ORDER BY 1" \
             "SELECT work_id, revision, encode(terms, 'hex') FROM work_terms ORDER BY 1" \
             "SELECT value FROM catalog_meta WHERE key = 'terms_revision'"; do
  a=$(psql "$ONE" -qAtc "$query" | md5sum)
  b=$(psql "$MANY" -qAtc "$query" | md5sum)
  [ "$a" = "$b" ] || fail "the partitioned build differs from one process on: $query"
done
researchers=$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM researchers")
authorships=$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM researcher_authorships")
[ "$authorships" -eq "$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM authorships")" ] || fail "authorships left unassigned"
[ "$researchers" -gt 1000 ] || fail "only $researchers researchers"
[ "$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM researchers WHERE profile_json = '{}'")" -eq 0 ] || fail "researchers without a profile"
[ "$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM topics")" -gt 100 ] || fail "hardly any topics listed"
[ "$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM work_terms")" -eq 8000 ] || fail "works without their terms counted"
left=$(psql "$MANY" -qAtc "SELECT COUNT(*) FROM build_partitions")
[ "$left" -eq 0 ] || fail "the run's working rows were not dropped ($left partitions)"
echo "partitioned build: $researchers researchers over $authorships authorships, their profiles and the feed's terms, as one process; the partition a killed worker held was redone"

#!/usr/bin/env bash
# What `bzpeer ingest` does with inputs that are partly or wholly unreadable: the good
# records of a file with a broken first line are kept, a file that cannot be read at
# all is named and makes the exit status non-zero, and the other inputs still go in. On
# SQLite, or on PostgreSQL through tests/e2e/on_postgres.sh.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

{ echo '{"id": "2101.0", "tit'
  for i in 1 2 3; do echo "{\"id\":\"2101.0000$i\",\"title\":\"Work $i\",\"update_date\":\"2021-01-0$i\"}"; done; } > "$WORK/broken-first.jsonl"
printf '\xef\xbb\xbf{"id":"2102.00001","title":"With a BOM","update_date":"2021-02-01"}\n' > "$WORK/bom.jsonl"
echo "this is not a bibliographic record" > "$WORK/notes.dat"
set +e
"$BZPEER" ingest --data "$WORK/data" "$WORK/broken-first.jsonl" "$WORK/notes.dat" "$WORK/bom.jsonl" > "$WORK/out" 2> "$WORK/err"
status=$?
set -e
[ "$status" = 2 ] || fail "ingest exited $status with an unreadable input named: $(cat "$WORK/err")"
grep -q "notes.dat was not read" "$WORK/err" || fail "the unreadable input is not named: $(cat "$WORK/err")"
grep -q "broken-first.jsonl:1:" "$WORK/err" || fail "the broken line is not reported with its line: $(cat "$WORK/err")"
stored=$(catalog_sql "$WORK/data" "SELECT COUNT(*) FROM works")
[ "$stored" = 4 ] || fail "$stored works stored, wanted 3 behind the broken line and 1 with a BOM"
echo "ingest inputs: 1 passed, 0 failed"

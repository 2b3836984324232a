#!/usr/bin/env bash
# `bzpeer backup` while a server runs and takes sign-ups: the copy is a consistent
# catalog (integrity check), holds every account acknowledged before it began, and a
# data directory restored from it serves the same profile as the original.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
source "$(dirname "$0")/lib.sh"

build_seed_catalog
start_server "$WORK/data"
signup() {
  curl -sf -o /dev/null -X POST -H 'Content-Type: application/json' \
    -d "{\"email\": \"$1@example.org\", \"password\": \"correct horse battery\", \"display_name\": \"$1\"}" \
    "$BASE/api/v1/signup" || fail "sign-up of $1"
}
for i in $(seq 5); do signup "before$i"; done
# Sign-ups go on during the backup.
( for i in $(seq 40); do signup "during$i"; done ) &
writer=$!
"$BZPEER" backup --data "$WORK/data" "$WORK/copy.sqlite" > "$WORK/backup.out" || fail "backup: $(cat "$WORK/backup.out")"
wait "$writer"
[ "$(sqlite3 "$WORK/copy.sqlite" "PRAGMA integrity_check")" = ok ] || fail "the copy is not a sound database"
before=$(sqlite3 "$WORK/copy.sqlite" "SELECT COUNT(*) FROM accounts WHERE email LIKE 'before%'")
[ "$before" -eq 5 ] || fail "the copy holds $before of the 5 accounts made before it"
for table in works authorships researchers researcher_authorships; do
  [ "$(sqlite3 "$WORK/copy.sqlite" "SELECT COUNT(*) FROM $table")" = "$(sqlite3 "$WORK/data/catalog.sqlite" "SELECT COUNT(*) FROM $table")" ] ||
    fail "the copy's $table differ from the catalog's"
done
if "$BZPEER" backup --data "$WORK/data" "$WORK/copy.sqlite" 2> "$WORK/again.err"; then fail "a backup overwrote an existing file"; fi
grep -q "exists" "$WORK/again.err" || fail "no reason given for refusing: $(cat "$WORK/again.err")"

# Restore: the file as a new data directory's catalog, then a build.
mkdir -p "$WORK/restored"
cp "$WORK/copy.sqlite" "$WORK/restored/catalog.sqlite"
"$BZPEER" build --data "$WORK/restored" > /dev/null
R=$(sqlite3 "$WORK/data/catalog.sqlite" "SELECT id FROM researchers ORDER BY works_count DESC, id LIMIT 1")
original=$(curl -sf "$BASE/api/v1/researchers/R$R")
start_server "$WORK/restored"
restored=$(curl -sf "$BASE/api/v1/researchers/R$R")
[ "$original" = "$restored" ] || fail "the restored catalog serves R$R differently"
echo "backup: consistent copy during 40 sign-ups, restored and served as the original"

#!/usr/bin/env bash
# A full disk during ingest and during build: a clear error and a failed exit, a
# catalog that is still whole (no half-written batch), and, once there is room again,
# a rerun that completes it. The disk is a small tmpfs, mounted in a mount namespace
# of this script's own (so nothing outside sees it, and it goes when the script ends).
set -euo pipefail
if [ -z "${BZPEER_IN_MOUNT_NAMESPACE:-}" ]; then
  export BZPEER_IN_MOUNT_NAMESPACE=1
  if [ "$(id -u)" = 0 ]; then exec unshare --mount --propagation private "$0" "$@"; fi
  exec unshare --map-root-user --mount "$0" "$@"
fi
BZPEER=${1:?path to bzpeer}
GEN=${2:?path to gen-corpus}
ROOT=${3:?project root}
source "$(dirname "$0")/lib.sh"
cleanup_disk() { stop_servers; umount "$WORK/disk" 2>/dev/null || true; cleanup; }  # servers keep the disk busy
trap cleanup_disk EXIT

"$GEN" --works 12000 --vocab-from "$ROOT/../shared/data/acl-anthology-2019" --out "$WORK/corpus.jsonl" 2>/dev/null
mkdir -p "$WORK/disk"
mount -t tmpfs -o size=8m tmpfs "$WORK/disk"
DATA=$WORK/disk/data
db() { sqlite3 "$DATA/catalog.sqlite" "$1"; }
whole() {  # the catalog is consistent: integrity, and no batch half-written
  [ "$(db "PRAGMA integrity_check")" = ok ] || fail "$1: integrity check failed"
  local bare
  bare=$(db "SELECT COUNT(*) FROM works w WHERE NOT EXISTS (SELECT 1 FROM authorships a WHERE a.work_id = w.id)")
  [ "$bare" = 0 ] || fail "$1: $bare works stored without their authorships"
}

# 1. Ingest runs out of room.
status=0
"$BZPEER" ingest --data "$DATA" "$WORK/corpus.jsonl" > "$WORK/ingest1.out" 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "ingest on a full disk exited 0: $(tail -3 "$WORK/ingest1.out")"
grep -qi "disk is full\|no space left" "$WORK/ingest1.out" || fail "ingest did not say the disk is full: $(tail -3 "$WORK/ingest1.out")"
whole "after the failed ingest"
partial=$(db "SELECT COUNT(*) FROM works")
[ "$partial" -gt 0 ] && [ "$partial" -lt 12000 ] || fail "the disk filled before the first batch or never: $partial of 12000 stored"

# 2. With room again the same ingest completes it.
mount -o remount,size=256m "$WORK/disk"
"$BZPEER" ingest --data "$DATA" "$WORK/corpus.jsonl" > "$WORK/ingest2.out"
[ "$(db "SELECT COUNT(*) FROM works")" = 12000 ] || fail "the rerun did not complete the catalog"
whole "after the rerun"

# 3. A build runs out of room: it fails, says so, and leaves the catalog whole.
used_kib=$(df --output=used -k "$WORK/disk" | tail -1 | tr -d ' ')
mount -o remount,size=$((used_kib + 1024))k "$WORK/disk"
status=0
"$BZPEER" build --data "$DATA" > "$WORK/build1.out" 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "build on a full disk exited 0: $(tail -3 "$WORK/build1.out")"
grep -qi "disk is full\|no space left\|disk full" "$WORK/build1.out" || fail "build did not say the disk is full: $(tail -5 "$WORK/build1.out")"
whole "after the failed build"

# 4. With room again the build completes and the catalog serves.
mount -o remount,size=256m "$WORK/disk"
"$BZPEER" build --data "$DATA" > "$WORK/build2.out" 2>&1 || fail "the build with room failed: $(tail -5 "$WORK/build2.out")"
start_server "$DATA"
R=$(db "SELECT id FROM researchers ORDER BY works_count DESC, id LIMIT 1")
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/researchers/R$R")" = 200 ] || fail "the profile after the rebuild"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/works?search=learning")" = 200 ] || fail "search after the rebuild"
echo "full disk ($partial of 12000 works stored before the disk filled): 4 passed, 0 failed"

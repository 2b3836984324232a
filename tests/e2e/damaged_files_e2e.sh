#!/usr/bin/env bash
# Damaged index and graph files are found, not served, and the next build replaces them:
# bytes overwritten inside a search shard (same size, which Xapian itself does not see)
# and inside the graph, a truncated graph, and a graph damaged under a running server.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
source "$(dirname "$0")/lib.sh"

build_seed_catalog
overwrite() {  # FILE OFFSET COUNT: COUNT bytes at OFFSET become 0xA5, the size unchanged
  python3 - "$@" <<'PY'
import sys
path, at, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as f:
    f.seek(at); f.write(b"\xa5" * count)
PY
}
ids_of() { python3 -c 'import json, sys; print(" ".join(r["id"] for r in json.load(sys.stdin)["results"]))'; }
code_of() { curl -s -o /dev/null -w '%{http_code}' "$BASE$1"; }

start_server "$WORK/data"
R=$(catalog_sql "$WORK/data" "SELECT id FROM researchers ORDER BY works_count DESC, id LIMIT 1")
search_before=$(curl -sf "$BASE/api/v1/works?search=learning&per_page=20" | ids_of)
[ -n "$search_before" ] || fail "the seed search finds nothing"
graph_before=$(curl -sf "$BASE/api/v1/graph/neighbors?id=R$R")
stop_servers

# 1. Both damaged: search and graph answer 503 and say why; profiles still serve.
works_dir=$(works_index_dir "$WORK/data")
overwrite "$works_dir/shard-0/postlist.glass" 9000 300
graph_bytes=$(stat -c %s "$WORK/data/graph.bin")
overwrite "$WORK/data/graph.bin" $((graph_bytes / 2)) 16
start_server "$WORK/data"
[ "$(code_of "/api/v1/works?search=learning")" = 503 ] || fail "a damaged search shard was searched"
[ "$(code_of "/search?q=learning")" = 503 ] || fail "the search page used a damaged shard"
curl -s "$BASE/api/v1/works?search=learning" | grep -q "bzpeer build" || fail "the 503 does not say how to fix it"
[ "$(code_of "/api/v1/graph/neighbors?id=R$R")" = 503 ] || fail "a damaged graph was served"
[ "$(code_of "/researchers/R$R")" = 200 ] || fail "a profile failed with the search index damaged"
log=$WORK/serve0.out
grep -q "shard-0/postlist.glass does not match its checksum" "$log" || fail "the log does not name the damaged shard file: $(cat "$log")"
grep -q "graph.bin is damaged (its checksum does not match)" "$log" || fail "the log does not name the damaged graph"
stop_servers

# 2. The next build finds the damage, rebuilds, and serves what it served before.
"$BZPEER" build --data "$WORK/data" > "$WORK/rebuild.out" 2>&1
grep -q "is damaged.*rebuilding it from the catalog" "$WORK/rebuild.out" || fail "the build did not notice the damaged shard: $(cat "$WORK/rebuild.out")"
grep -q "(full rebuild)" "$WORK/rebuild.out" || fail "the damaged works index was updated in place"
start_server "$WORK/data"
[ "$(curl -sf "$BASE/api/v1/works?search=learning&per_page=20" | ids_of)" = "$search_before" ] || fail "the rebuilt index answers differently"
[ "$(curl -sf "$BASE/api/v1/graph/neighbors?id=R$R")" = "$graph_before" ] || fail "the rebuilt graph answers differently"

# 3. Damage under a running server: the graph it mapped is dropped, not read.
overwrite "$WORK/data/graph.bin" 200 8
sleep 1.2  # the server looks at the file at most once a second
[ "$(code_of "/api/v1/graph/neighbors?id=R$R")" = 503 ] || fail "a graph damaged in place was still served"
stop_servers

# 4. A truncated graph is refused as well.
"$BZPEER" build --data "$WORK/data" > /dev/null
truncate -s $(( $(stat -c %s "$WORK/data/graph.bin") - 8 )) "$WORK/data/graph.bin"
start_server "$WORK/data"
[ "$(code_of "/api/v1/graph/neighbors?id=R$R")" = 503 ] || fail "a truncated graph was served"
grep -q "graph.bin is damaged (truncated or extended)" "$WORK/serve0.out" ||
  fail "the log does not say the graph is truncated"
echo "damaged files: 4 passed, 0 failed"

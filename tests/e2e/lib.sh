# Shared by the end-to-end scripts: a scratch directory removed on exit (with any server
# started), `fail`, and `start_server DATA` which serves DATA on a free loopback port
# (with any further `serve` options) and sets BASE to its URL (each call starts one more),
# `stop_servers`, and the loopback helpers of scripts/cluster_parts.sh.
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/cluster_parts.sh"
WORK=$(mktemp -d)
SERVER_PIDS=()
# Stops every server started so far and waits for it to go; the next one started logs
# to $WORK/serve0.out again.
stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=()
}
EXTRA_DATABASES=()  # made by second_catalog, dropped on exit
cleanup() {
  stop_servers
  for db in "${EXTRA_DATABASES[@]}"; do
    psql "$BZPEER_DATABASE_URL" -qAtc "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null 2>&1 || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

start_server() {
  local data=$1; shift
  local status=0
  start_serve "$WORK/serve${#SERVER_PIDS[@]}.out" "$BZPEER" --data "$data" --port 0 "$@" || status=$?
  SERVER_PIDS+=("$SERVE_PID")
  [ "$status" = 0 ] || fail "server did not start"
  BASE=$SERVE_URL
}

# Runs SQL on the catalog of DATA, wherever it lives (BZPEER_DATABASE_URL: PostgreSQL).
catalog_sql() {
  local data=$1 query=$2
  if [ -n "${BZPEER_DATABASE_URL:-}" ]; then psql "$BZPEER_DATABASE_URL" -qAtc "$query"; else sqlite3 "$data/catalog.sqlite" "$query"; fi
}

# On PostgreSQL (BZPEER_DATABASE_URL), a second empty database beside the test's, for a
# second catalog: its URL in SECOND_CATALOG, dropped on exit. On SQLite SECOND_CATALOG
# is empty: each data directory is a catalog of its own.
second_catalog() {
  SECOND_CATALOG=""
  [ -n "${BZPEER_DATABASE_URL:-}" ] || return 0
  local rest=${BZPEER_DATABASE_URL#*://}; rest=${rest#*/}
  local name=${rest%%\?*}  # postgresql://user@host/NAME?params
  local second=${name}_$1
  psql "$BZPEER_DATABASE_URL" -qAtc "DROP DATABASE IF EXISTS $second WITH (FORCE)" -c "CREATE DATABASE $second" > /dev/null
  EXTRA_DATABASES+=("$second")
  SECOND_CATALOG=${BZPEER_DATABASE_URL/\/$name/\/$second}
}

# Ingests the seed fixture and builds it into $WORK/data (needs BZPEER and ROOT).
build_seed_catalog() {
  "$BZPEER" ingest --data "$WORK/data" "$ROOT/tests/fixtures/seed_works.jsonl" > /dev/null
  "$BZPEER" build --data "$WORK/data" > /dev/null
}

# Ingests $WORK/works.jsonl (written by the script) and builds it into $WORK/data.
build_works_catalog() {
  "$BZPEER" ingest --data "$WORK/data" "$WORK/works.jsonl" > /dev/null
  "$BZPEER" build --data "$WORK/data" > /dev/null
}

#!/usr/bin/env bash
# Two `serve` processes on one store, as behind a load balancer (tests/e2e/
# two_servers_check.py says what is checked). Run on PostgreSQL by
# tests/e2e/on_postgres.sh, and on one SQLite file.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
source "$(dirname "$0")/lib.sh"

build_seed_catalog
start_server "$WORK/data"
FIRST=$BASE
start_server "$WORK/data"
SECOND=$BASE
R=$(catalog_sql "$WORK/data" "SELECT id FROM researchers ORDER BY works_count DESC, id LIMIT 1")
W=$(catalog_sql "$WORK/data" "SELECT work_id FROM researcher_works WHERE researcher_id = $R ORDER BY work_id LIMIT 1")
[ -n "$R" ] && [ -n "$W" ] || fail "the seed catalog has no researcher with works"

python3 "$(dirname "$0")/two_servers_check.py" "$FIRST" "$SECOND" "$WORK/data" "R$R" "$W"

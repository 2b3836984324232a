#!/usr/bin/env bash
# Stands in for bzpeer when an end-to-end script runs on the cluster (tests/e2e/on_cluster.sh):
# every `build` is a partitioned build, a coordinator and a worker taking 4 partitions from
# the PostgreSQL queue, writing 2 search shards; every `serve` serves those shards through
# their own xapian-tcpsrv processes (--search tcp://...), as scripts/cluster-demo does. Any
# other subcommand, and a build or serve already given those options, runs unchanged;
# a --name-only build is not partitioned (nothing to cluster) but writes the 2 shards.
# The real binary is BZPEER_REAL; the catalog is BZPEER_DATABASE_URL.
set -euo pipefail
real=${BZPEER_REAL:?the bzpeer binary}
source "$(dirname "$0")/../../scripts/cluster_parts.sh"
[ -n "${BZPEER_DATABASE_URL:-}" ] || { echo "cluster_bzpeer: BZPEER_DATABASE_URL not set" >&2; exit 2; }

has() { local want=$1; shift; for a in "$@"; do [ "$a" = "$want" ] && return 0; done; return 1; }
data_of() {  # the --data folder of a command line (default as bzpeer's)
  local prev=""
  for a in "$@"; do
    [ "$prev" = "--data" ] && { echo "$a"; return; }
    case $a in --data=*) echo "${a#--data=}"; return ;; esac
    prev=$a
  done
  echo data
}

partitioned_build() {
  local data; data=$(data_of "$@")
  local log; log=$(mktemp)
  start_build_worker "$log" "$real" --data "$data" --wait 60 || return 1
  local worker=$BUILD_WORKER_PID
  local status=0
  "$real" build "$@" --partitions 4 --search-shards 2 || status=$?
  if ! wait "$worker"; then
    echo "cluster_bzpeer: the build worker failed: $(cat "$log")" >&2
    [ "$status" -ne 0 ] || status=1
  fi
  rm -f "$log"
  return "$status"
}

serve_from_shards() {
  local data; data=$(data_of "$@")
  local works; works=$(works_index_dir "$data")
  local pids=() urls=""
  stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
  trap stop EXIT
  trap 'exit 143' TERM INT
  for shard in "$works"/shard-*; do
    local port; port=$(free_port)
    start_shard_server "$port" "$shard" /dev/null || exit 1
    pids+=("$SHARD_SERVER_PID")
    urls+="${urls:+,}tcp://127.0.0.1:$port"
  done
  [ -n "$urls" ] || { echo "cluster_bzpeer: no search shards in $works" >&2; exit 1; }
  "$real" serve "$@" --search "$urls" &
  pids+=($!)
  wait "${pids[-1]}"
}

case "${1:-}" in
  build)
    shift
    if has --worker "$@" || has --partitions "$@"; then exec "$real" build "$@"; fi
    # One record a name is not clustered, so not partitioned either (build refuses both).
    if has --name-only "$@"; then exec "$real" build "$@" --search-shards 2; fi
    partitioned_build "$@" ;;
  serve)
    shift
    if has --search "$@"; then exec "$real" serve "$@"; fi
    serve_from_shards "$@" ;;
  *) exec "$real" "$@" ;;
esac

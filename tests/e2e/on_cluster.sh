#!/usr/bin/env bash
# Runs an end-to-end script on the cluster's parts: the catalog and accounts in a fresh
# PostgreSQL database (as on_postgres.sh), every build partitioned between a coordinator
# and a worker, and search served by xapian-tcpsrv shards (tests/e2e/cluster_bzpeer.sh
# stands in for the bzpeer binary, the script's first argument).
#   tests/e2e/on_cluster.sh DIR SCRIPT BZPEER ARGS...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1 script=$2 bzpeer=$3; shift 3
BZPEER_REAL=$bzpeer exec "$here/on_postgres.sh" "$dir" "$script" "$here/cluster_bzpeer.sh" "$@"

#!/usr/bin/env bash
# Runs an end-to-end script with its catalog and accounts in PostgreSQL: a fresh
# database on the test server (started by scripts/test-postgres in DIR) named in
# BZPEER_DATABASE_URL, which every bzpeer subcommand reads; dropped afterwards.
#   tests/e2e/on_postgres.sh DIR SCRIPT ARGS...
set -euo pipefail
dir=$1; shift
admin=$(cat "$dir/url")
name="e2e_$(basename "$1" .sh)_$$"
BZPEER_DATABASE_URL=$("$(dirname "$0")/../../scripts/test-postgres" database "$dir" "$name")
export BZPEER_DATABASE_URL
trap 'psql "$admin" -qAtc "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true' EXIT
"$@"

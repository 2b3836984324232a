#!/usr/bin/env bash
# Runs an end-to-end script with its catalog and accounts in PostgreSQL: a fresh
# database on the test server (BZPEER_TEST_POSTGRES, started by scripts/test-postgres)
# named in BZPEER_DATABASE_URL, which every bzpeer subcommand reads; dropped afterwards.
#   tests/e2e/on_postgres.sh SCRIPT ARGS...
set -euo pipefail
admin=${BZPEER_TEST_POSTGRES:?no PostgreSQL test server (BZPEER_TEST_POSTGRES)}
name="e2e_$(basename "$1" .sh)_$$"
psql "$admin" -qAtc "CREATE DATABASE $name"
trap 'psql "$admin" -qAtc "DROP DATABASE IF EXISTS $name WITH (FORCE)" || true' EXIT
# The admin URL's database (between the authority's '/' and '?') replaced by ours.
export BZPEER_DATABASE_URL=$(python3 -c 'import sys, re; print(re.sub(r"^(postgres(?:ql)?://[^/]*/)[^?]*", lambda m: m.group(1) + sys.argv[2], sys.argv[1]))' "$admin" "$name")
"$@"

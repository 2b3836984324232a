#!/usr/bin/env bash
# Stable ids across rebuilds: when disambiguation merges two records, the retired id
# answers 301 (API) and redirects (page) to the researcher it became.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

# "H. Hu" and "Han Hu" write with the same co-authors on the same subject: one person.
cat > "$WORK/works.jsonl" <<'JSON'
{"id":"2101.00001","title":"Masked image modeling for vision transformers","abstract":"We study masked image modeling.","update_date":"2021-01-01","categories":"cs.CV","authors_parsed":[["Hu","H.",""],["Cao","Yue",""],["Lin","Stephen",""]]}
{"id":"2101.00002","title":"Scaling masked image modeling","abstract":"Masked image modeling at scale.","update_date":"2022-01-01","categories":"cs.CV","authors_parsed":[["Hu","Han",""],["Cao","Yue",""],["Lin","Stephen",""]]}
JSON
"$BZPEER" ingest --data "$WORK/data" "$WORK/works.jsonl" > /dev/null
"$BZPEER" build --data "$WORK/data" --name-only > /dev/null
ids=$(catalog_sql "$WORK/data" "SELECT id FROM researchers WHERE name_key IN ('h hu', 'han hu') ORDER BY id")
[ "$(echo "$ids" | wc -l)" = 2 ] || fail "the name-only build should give two records, got: $ids"
"$BZPEER" build --data "$WORK/data" > "$WORK/build.out"
kept=$(catalog_sql "$WORK/data" "SELECT id FROM researchers WHERE name_key IN ('h hu', 'han hu')")
[ "$(echo "$kept" | wc -l)" = 1 ] || fail "disambiguation did not merge H. Hu and Han Hu: $kept"
retired=$(echo "$ids" | grep -vx "$kept")

start_server "$WORK/data"
code=$(curl -s -o "$WORK/api.json" -w '%{http_code} %{redirect_url}' "$BASE/api/v1/researchers/R$retired")
[ "$code" = "301 $BASE/api/v1/researchers/R$kept" ] || fail "API for the retired R$retired answered '$code'"
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$BASE/researchers/R$retired")
[ "$code" = "301 $BASE/researchers/R$kept" ] || fail "page for the retired R$retired answered '$code'"
[ "$(curl -s -o /dev/null -w '%{http_code}' -L "$BASE/researchers/R$retired")" = 200 ] || fail "the redirect target does not load"
echo "redirect after merge (R$retired -> R$kept): 1 passed, 0 failed"

#!/usr/bin/env bash
# Requests an attacker can send without an account: bytes that are not UTF-8 in paths
# and parameters, and a login `next` that leaves the site. Each must get a clear 4xx
# and the server must go on answering.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

cat > "$WORK/works.jsonl" <<'JSON'
{"id":"2101.00001","title":"Masked image modeling for vision transformers","abstract":"We study masked image modeling.","update_date":"2021-01-01","categories":"cs.CV","authors_parsed":[["Hu","Han",""],["Cao","Yue",""]]}
JSON
build_works_catalog
start_server "$WORK/data"

alive() { [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/api/v1/works?per_page=1")" = 200 ] || fail "server stopped answering after $1"; }
expect_status() {  # METHOD PATH WANT
  local got
  got=$(curl -s -o "$WORK/body" -w '%{http_code}' -X "$1" "$BASE$2") || fail "$1 $2: no answer (server gone?)"
  [ "$got" = "$3" ] || fail "$1 $2 answered $got, wanted $3: $(head -c 300 "$WORK/body")"
  alive "$1 $2"
}
checks=0
for path in '/api/x%ff' '/api/v1/nope%e9' '/api/v1/researchers/R2/%e9' '/nope%ff' '/researchers/R1%c3'; do
  expect_status GET "$path" 400; checks=$((checks + 1))
done
expect_status POST '/api/v1/x%ff' 400; checks=$((checks + 1))
grep -q 'not valid UTF-8' "$WORK/body" || fail "the 400 does not say what was wrong: $(cat "$WORK/body")"
for query in 'filter=year:%ff' 'sort=%e9' 'group_by=%ff' 'q=vision%ff' '%ff=1'; do
  expect_status GET "/api/v1/works?$query" 400; checks=$((checks + 1))
done
expect_status GET '/api/v1/graph/neighbors?id=%ff' 400; checks=$((checks + 1))
expect_status GET '/api/v1/nope' 404; checks=$((checks + 1))

# An over-long email of two-byte characters: a 400 whose message is still UTF-8.
long_email=$(python3 -c 'print("\u00e9" * 300 + "@x.example")')
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data "{\"email\":\"$long_email\",\"password\":\"correct horse battery\",\"display_name\":\"E\"}" "$BASE/api/v1/signup")
[ "$code" = 400 ] || fail "over-long multibyte email answered $code: $(cat "$WORK/body")"
python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$WORK/body" || fail "the error is not UTF-8 JSON"
checks=$((checks + 1))

# After login, `next` may only name a path on this site.
curl -s -o /dev/null -H 'Content-Type: application/json' \
  --data '{"email":"eve@example.org","password":"correct horse battery","display_name":"Eve"}' "$BASE/api/v1/signup"
for next in '/%09/evil.example' '//evil.example' '/%5Cevil.example' 'https://evil.example/' '/%0a/evil.example'; do
  location=$(curl -s -o /dev/null -w '%{redirect_url}' --data-urlencode 'email=eve@example.org' \
    --data-urlencode 'password=correct horse battery' --data "next=$next" "$BASE/login")
  [ "$location" = "$BASE/" ] || fail "login with next=$next redirects to '$location'"
  checks=$((checks + 1))
done
location=$(curl -s -o /dev/null -w '%{redirect_url}' --data-urlencode 'email=eve@example.org' \
  --data-urlencode 'password=correct horse battery' --data 'next=/search%3Fq%3Dvision' "$BASE/login")
[ "$location" = "$BASE/search?q=vision" ] || fail "a local next was not kept: '$location'"
checks=$((checks + 1))
# The CSRF token counts in a header or a form body, never in the query string (logs, Referer).
token=$(curl -s -c "$WORK/jar" -H 'Content-Type: application/json' \
  --data '{"email":"eve@example.org","password":"correct horse battery"}' "$BASE/api/v1/login" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" --data '' "$BASE/api/v1/researchers/R1/follow?csrf_token=$token")
[ "$code" = 403 ] || fail "a CSRF token in the query string was accepted ($code)"
code=$(curl -s -o /dev/null -w '%{http_code}' -b "$WORK/jar" -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' --data '{}' "$BASE/api/v1/researchers/R1/follow")
[ "$code" = 200 ] || fail "the CSRF header was refused ($code)"
checks=$((checks + 1))
# A page past the last of the results goes to the last.
location=$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE/search?q=masked&page=99")
[ "$location" = "$BASE/search?q=masked&page=1" ] || fail "page 99 of one result redirects to '$location'"
checks=$((checks + 1))
echo "hostile requests: $checks passed, 0 failed"

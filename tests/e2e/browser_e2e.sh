#!/usr/bin/env bash
# Browser test: serves the seed fixture and runs tests/browser/collaboration_flow.mjs in
# headless chromium. Screenshots are kept in build/test-artifacts/browser/.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
ARTIFACTS=${3:-$ROOT/build/test-artifacts/browser}
source "$(dirname "$0")/lib.sh"
[ -d "$ROOT/ui/node_modules/playwright-core" ] || fail "playwright-core is not installed (run scripts/setup)"
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || fail "chromium is not installed (run scripts/setup)"

build_seed_catalog
start_server "$WORK/data"
rm -rf "$ARTIFACTS"
node "$ROOT/tests/browser/collaboration_flow.mjs" "$BASE" "$WORK/data" "$ARTIFACTS"
# The explorer, around the researcher with the most co-authors in the fixture.
R=$(catalog_sql "$WORK/data" "SELECT r.id FROM researchers r JOIN researcher_works a ON a.researcher_id = r.id
  JOIN researcher_works b ON b.work_id = a.work_id AND b.researcher_id != r.id GROUP BY r.id ORDER BY COUNT(*) DESC LIMIT 1")
[ -n "$R" ] || R=$(catalog_sql "$WORK/data" "SELECT id FROM researchers ORDER BY works_count DESC LIMIT 1")
node "$ROOT/tests/browser/explorer_flow.mjs" "$BASE" "R$R" "$ARTIFACTS"
# The feed: claim the record with most works, follow the next two.
read -r claim f1 f2 <<< "$(catalog_sql "$WORK/data" "SELECT id FROM researchers ORDER BY works_count DESC, id LIMIT 3" | tr '\n' ' ')"
node "$ROOT/tests/browser/feed_flow.mjs" "$BASE" "$WORK/data" "$ARTIFACTS/feed" "R$claim" "R$f1" "R$f2"
# Every page at 1280 and 390 px, from the profile of the researcher with most works.
node "$ROOT/tests/browser/pages_tour.mjs" "$BASE" "$ARTIFACTS/pages" "R$claim" "$WORK/data"

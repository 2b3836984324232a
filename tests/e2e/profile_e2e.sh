#!/usr/bin/env bash
# End-to-end: the real binary ingests the seed fixture, builds, serves on a free
# loopback port, and the Han Hu profile page and JSON are checked over real HTTP.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
FIXTURE="$ROOT/tests/fixtures/seed_works.jsonl"
source "$(dirname "$0")/lib.sh"

"$BZPEER" ingest --data "$WORK/data" "$FIXTURE" > "$WORK/ingest.out"
grep -q "skipped 0" "$WORK/ingest.out" || fail "fixture ingest skipped records: $(cat "$WORK/ingest.out")"
"$BZPEER" ingest --data "$WORK/data" "$FIXTURE" > "$WORK/ingest2.out"
grep -q "new 0, updated 0" "$WORK/ingest2.out" || fail "re-ingest changed the catalog: $(cat "$WORK/ingest2.out")"
"$BZPEER" build --data "$WORK/data" > "$WORK/build.out"

start_server "$WORK/data"

# The expected facts come from the fixture itself, not from constants.
python3 - "$BASE" "$FIXTURE" <<'PY'
import json, math, re, sys, urllib.request, urllib.error
base, fixture = sys.argv[1], sys.argv[2]
name = "Han Hu"
works = [json.loads(l) for l in open(fixture)]
named_works = [w for w in works if any(f"{p[1]} {p[0]}" == name for p in w["authors_parsed"])]

def get(path):
    with urllib.request.urlopen(base + path) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read().decode()

def fail(msg):
    sys.exit("FAIL: " + msg)

status, ctype, body = get("/api/v1/researchers?search=Han%20Hu")
found = json.loads(body)
if found["meta"]["count"] < 1: fail("no researcher named Han Hu")
# Identity may split the name into several people; their works add up to the fixture's.
if sum(x["works_count"] for x in found["results"]) != len(named_works):
    fail(f"the Han Hu researchers hold {sum(x['works_count'] for x in found['results'])} works, the fixture {len(named_works)}")
r = max(found["results"], key=lambda x: x["works_count"])
rid = r["id"]
titles, listed = set(), []
strengths = {}
for page_number in range(1, 10):
    status, ctype, body = get(f"/api/v1/works?filter=author.id:{rid}&per_page=50&page={page_number}")
    batch = json.loads(body)["results"]
    titles.update(w["title"] for w in batch)
    listed += [w["title"] for w in batch]
    # Every work says why it is on the profile, and how firmly (a work among others is never "alone").
    for w in batch:
        if not w["attribution"] or w["attribution_strength"] not in ("confirmed", "strong", "moderate", "weak"):
            fail(f"'{w['title']}' lacks its attribution: {w['attribution']!r} ({w['attribution_strength']})")
        strengths[w["attribution_strength"]] = strengths.get(w["attribution_strength"], 0) + 1
    if len(batch) < 50: break
# Tied to the fixture: every listed work is one of its Han Hu works, each listed once.
fixture_titles = {w["title"] for w in named_works}
if not titles or not titles <= fixture_titles: fail(f"works not by Han Hu in the fixture are listed: {sorted(titles - fixture_titles)[:3]}")
if len(listed) != len(titles): fail("a work is listed twice")
han_works = [w for w in named_works if w["title"] in titles]
if len(han_works) != len(titles): fail("a listed title matches no single fixture work")
# docs/trust.md, unclaimed L1, no followers; the sum rounds half up (Python's round() would
# round 18.5 to even).
expected_trust = math.floor(6 + round(15 * min(1, len(han_works) / 30), 1) + 0.5)

if not re.fullmatch(r"R\d+", rid): fail(f"bad id {rid}")
for field in ["id", "display_name", "works_count", "followers_count", "topics_count", "collaborators_count",
              "topics", "collaborators", "trust", "verification_level", "claimed"]:
    if field not in r: fail(f"researcher JSON lacks {field}")
if r["works_count"] != len(han_works): fail(f"works_count {r['works_count']} != {len(han_works)} in the fixture")
if (r["trust"]["score"], r["trust"]["tier"]) != (expected_trust, "Emerging"): fail(f"trust {r['trust']['score']} {r['trust']['tier']}")
if r["verification_level"] != "L1" or r["claimed"] is not False or r["followers_count"] != 0: fail("not an unclaimed L1 record")
if r["topics_count"] != len(r["topics"]) or r["topics_count"] == 0: fail("topics count does not match its list")
if math.floor(sum(p["points"] for p in r["trust"]["breakdown"]) + 0.5) != expected_trust: fail("trust breakdown does not add up")

status, ctype, body = get(f"/api/v1/researchers/{rid}")
if json.loads(body)["display_name"] != name: fail("researcher JSON by id")
# The graph summary counts what it says: the researcher's own works (as many as the
# fixture gives them), nearby works each with the co-author they come through, and
# at least as many co-authors as close collaborators.
g = json.loads(body)["graph"]
if g["own_works"] != len(han_works): fail(f"graph own_works {g['own_works']} != {len(han_works)} works in the fixture")
if g["people"] < r["collaborators_count"]: fail(f"graph counts {g['people']} co-authors, fewer than {r['collaborators_count']} close collaborators")
for w in g["top_papers"]:
    if not w.get("via") or w["via"] == name: fail(f"nearby work {w['display_name']!r} does not name the co-author it comes through")

status, ctype, body = get(f"/api/v1/works?filter=author.id:{rid}&per_page=10&page=2")
page = json.loads(body)
meta = page["meta"]
if (meta["count"], meta["per_page"], meta["page"]) != (len(han_works), 10, 2): fail(f"works meta {meta}")
if len(page["results"]) != min(10, len(han_works) - 10): fail("works page size")
years = [w["publication_year"] for w in page["results"]]
if years != sorted(years, reverse=True): fail("works are not newest first")

# Past the last page: sent to the last one, not shown an empty "Page 99 of 2".
last = (len(han_works) + 19) // 20
with urllib.request.urlopen(base + f"/researchers/{rid}?page=99") as r:
    landed, html = r.geturl(), r.read().decode()
if not landed.endswith(f"?page={last}") or html.count('class="work"') != len(han_works) - 20 * (last - 1):
    fail(f"?page=99 lands on {landed}, not the last page {last} with its works")
status, ctype, html = get(f"/researchers/{rid}")
if "text/html" not in ctype: fail("profile is not HTML")
order = ["Researcher profile", name, "Affiliation not imported", "Open to collaborate", "Trust snapshot",
         f"Trust {expected_trust} - Emerging", "Verification L1", "Unclaimed author", "Actions", "Follow researcher",
         "Identity and collaboration", "Log in to claim", "Direct collaboration",
         "Claim this author entity first to unlock direct invitations.", "Research graph", "Open full explorer",
         "Published work", f"{len(han_works)} published item(s)"]
at = 0
for text in order:
    at = html.find(text, at)
    if at < 0: fail(f"profile lacks '{text}' (or it is out of order)")
newest = max(han_works, key=lambda w: w["update_date"])
if newest["title"].replace("&", "&amp;") not in html: fail("newest work missing from the first page")
if html.count('class="work"') != min(20, len(han_works)): fail("profile does not show 20 works a page")
# The fixture's works have no URL or DOI: their titles are text, not links to nowhere.
if 'href=""' in html: fail("the profile has a link to nowhere (href=\"\")")
if f'<dd>{len(han_works)}</dd>' not in html: fail("works count missing from the trust snapshot")
if 'href="/researchers?name=Han%20Hu"' not in html: fail("the profile does not link to the other people of its name")
# Each work shows its evidence and a badge for how firm it is; the fixture's works list
# no co-authors, so some joined on topic alone and are flagged for their owner to check.
if html.count('<span class="why">Why it is here:</span>') != min(20, len(han_works)): fail("a work on the profile lacks its attribution")
if html.count('<span class="strength ') != min(20, len(han_works)): fail("a work on the profile lacks its strength badge")
if not strengths.get("weak") or "Weak evidence: worth checking" not in html: fail(f"no work is flagged as weak evidence: {strengths}")
# Those works can be listed alone, the ones to check first.
weak = strengths["weak"]
status, ctype, body = get(f"/api/v1/researchers/{rid}")
one = json.loads(body)
if one.get("weak_works_count") != weak: fail(f"the researcher API says {one.get('weak_works_count')} weak works, its works list {weak}")
if one.get("works_api_url") != f"/api/v1/works?filter=author.id:{rid}": fail(f"works_api_url {one.get('works_api_url')}")
summary = ("1 work is" if weak == 1 else f"{weak} works are") + " tied to this profile on weak evidence."
if summary not in html: fail(f"the profile does not say '{summary}'")
if f"<strong>{len(han_works)}</strong> own works" not in html: fail("the graph card does not count the researcher's own works")
status, ctype, weak_html = get(f"/researchers/{rid}?check=weak")
listed = weak_html.count('class="work"')
if status != 200 or listed != min(20, weak): fail(f"?check=weak lists {listed} works, not {min(20, weak)}")
if weak_html.count("Weak evidence: worth checking") != min(20, weak): fail("?check=weak lists works that are not weak")
if "Show all works" not in weak_html: fail("the weak-only list does not link back to all works")

for path, want in [("/researchers/R999999999", 404), ("/api/v1/researchers/R999999999", 404),
                   ("/api/v1/researchers/nonsense", 404), ("/api/v1/works?filter=venue.id:x", 400),
                   ("/api/v1/works?filter=author.id:" + rid + "&per_page=100000", 400), ("/no/such/page", 404)]:
    try:
        get(path)
        fail(f"{path} did not fail")
    except urllib.error.HTTPError as e:
        if e.code != want: fail(f"{path} gave {e.code}, expected {want}")
        if path.startswith("/api/") and "error" not in json.loads(e.read().decode()): fail(f"{path}: no JSON error")

status, ctype, html = get("/researchers?name=Han%20Hu")
if f'href="/researchers/{rid}"' not in html: fail("name lookup does not list the researcher")
status, ctype, html = get("/researchers?name=%3Cscript%3Ealert(1)%3C/script%3E")
if "<script>alert(1)" in html: fail("a name query is rendered unescaped")
print("e2e profile: 1 passed, 0 failed")
PY

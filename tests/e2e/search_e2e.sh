#!/usr/bin/env bash
# End-to-end search: the real binary ingests the seed fixture, builds the indexes and
# serves them on a free loopback port; queries, filters, paging, the page, the CLI
# batch, incremental re-indexing and bad queries are checked over real HTTP.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
FIXTURE="$ROOT/tests/fixtures/seed_works.jsonl"
source "$(dirname "$0")/lib.sh"

"$BZPEER" ingest --data "$WORK/data" "$FIXTURE" > /dev/null
"$BZPEER" build --data "$WORK/data" > "$WORK/build.out"
grep -q "full rebuild" "$WORK/build.out" || fail "first build did not index every work: $(cat "$WORK/build.out")"

# The CLI batch answers one JSON line per query line, errors included.
python3 - "$FIXTURE" > "$WORK/queries.txt" <<'PY'
import json, sys
works = [json.loads(l) for l in open(sys.argv[1])]
for w in works[:5]: print(w["title"])
print('"unbalanced phrase')
PY
"$BZPEER" search --data "$WORK/data" --batch "$WORK/queries.txt" > "$WORK/batch.out" 2> "$WORK/batch.err" || true
[ "$(wc -l < "$WORK/batch.out")" -eq 6 ] || fail "batch printed $(wc -l < "$WORK/batch.out") lines for 6 queries"
grep -q "queries.txt:6: the query has an unbalanced quote" "$WORK/batch.err" || fail "batch error does not name the line: $(cat "$WORK/batch.err")"

start_server "$WORK/data"

python3 - "$BASE" "$FIXTURE" "$WORK/batch.out" <<'PY'
import collections, json, random, re, sys, urllib.parse, urllib.request, urllib.error
base, fixture, batch = sys.argv[1], sys.argv[2], sys.argv[3]
works = [json.loads(l) for l in open(fixture)]
passed = 0

def fail(msg): sys.exit("FAIL: " + msg)

def get(path):
    with urllib.request.urlopen(base + path) as r:
        return r.status, r.read().decode()

def api(path, **params):
    return json.loads(get(path + "?" + urllib.parse.urlencode(params))[1])

def status_of(path):
    try:
        get(path)
        return 200, None
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

# Batch lines hold the top works of each query; a title query finds its own work first.
lines = [json.loads(l) for l in open(batch)]
for w, line in zip(works[:5], lines):
    if line["query"] != w["title"] or not line["results"] or line["results"][0]["title"] != w["title"]:
        fail(f"batch: '{w['title']}' did not find itself first: {line['results'][:1]}")
passed += 1

# Known-item search: a title with one word dropped and one misspelt still finds its work.
rng = random.Random(7)
titles = [w["title"] for w in works if len(w["title"].split()) >= 5]
found = 0
sample = rng.sample(titles, 20)
for title in sample:
    words = title.split()
    del words[rng.randrange(len(words))]
    i = max(range(len(words)), key=lambda k: len(words[k]))
    words[i] = words[i][:2] + words[i][3:]  # drop a letter of the longest word
    res = api("/api/v1/works", search=" ".join(words), per_page=3)
    if any(r["title"] == title for r in res["results"]): found += 1
if found < 18: fail(f"known-item search found only {found} of 20 mangled titles in the top 3")
passed += 1

# A misspelt word gets a "did you mean".
word = max((x.lower() for w in works for x in w["title"].split() if re.fullmatch(r"[A-Za-z]{7,}", x)), key=len)
res = api("/api/v1/works", search=word[:3] + word[4:], per_page=1)
if res["meta"].get("did_you_mean") != word: fail(f"no correction of {word[:3] + word[4:]} into {word}: {res['meta']}")
passed += 1

# Field prefixes: author: restricts to that author; year ranges restrict the years.
name = works[0]["authors_parsed"][0]
full = f"{name[1]} {name[0]}"
res = api("/api/v1/works", search=f'author:"{full}"', per_page=50)
if res["meta"]["count"] < 1: fail(f"author:\"{full}\" found nothing")
for r in res["results"]:
    if full not in r["authors"]: fail(f"author:\"{full}\" returned a work by {r['authors']}")
res = api("/api/v1/works", search="year:2021..2022 learning", per_page=50)
if not res["results"] or any(not 2021 <= r["publication_year"] <= 2022 for r in res["results"]): fail("year range not applied")
passed += 1

# Filters: numbers compare, ! negates, | ors, dates bound; every result obeys.
res = api("/api/v1/works", filter="publication_year:>2022", per_page=200)
if not res["results"] or any(r["publication_year"] <= 2022 for r in res["results"]): fail("publication_year:>2022")
years = sorted({w["update_date"][:4] for w in works})
a, b = years[-1], years[-2]
in_year = collections.Counter(w["update_date"][:4] for w in works)  # the fixture's own counts
res = api("/api/v1/works", filter=f"publication_year:{a}|{b}", per_page=200)
if any(str(r["publication_year"]) not in (a, b) for r in res["results"]): fail("publication_year alternatives")
if res["meta"]["count"] != in_year[a] + in_year[b] or not res["results"]:
    fail(f"publication_year:{a}|{b} counts {res['meta']['count']}, the fixture has {in_year[a] + in_year[b]}")
res2 = api("/api/v1/works", filter=f"publication_year:!{a}", per_page=200)
if any(str(r["publication_year"]) == a for r in res2["results"]): fail("negated year")
if res2["meta"]["count"] != len(works) - in_year[a] or not res2["results"]:
    fail(f"publication_year:!{a} counts {res2['meta']['count']}, the fixture has {len(works) - in_year[a]}")
res = api("/api/v1/works", filter="from_publication_date:2022-01-01,to_publication_date:2022-12-31", per_page=200)
if not res["results"] or any(not r["publication_date"].startswith("2022") for r in res["results"]): fail("date range")
passed += 1

# group_by counts add up to the total; sort orders; cursor paging walks every result once.
res = api("/api/v1/works", group_by="publication_year", per_page=1)
total = res["meta"]["count"]
if total != len(works) or sum(g["count"] for g in res["group_by"]) != total: fail(f"group_by: {res['meta']} {res['group_by']}")
res = api("/api/v1/works", search="learning", sort="publication_date:asc", per_page=50)
dates = [r["publication_date"] for r in res["results"]]
if len(set(dates)) < 2 or dates != sorted(dates): fail(f"sort=publication_date:asc over {len(dates)} results: {dates[:5]}")
seen, cursor = [], "*"
while cursor:
    res = api("/api/v1/works", filter="publication_year:>2000", cursor=cursor, per_page=40)
    seen += [r["id"] for r in res["results"]]
    cursor = res["meta"]["next_cursor"]
if len(seen) != len(set(seen)) or len(seen) != api("/api/v1/works", filter="publication_year:>2000")["meta"]["count"]:
    fail(f"cursor paging returned {len(seen)} ids, {len(set(seen))} distinct")
passed += 1

# Researchers and topics search.
res = api("/api/v1/researchers", search=full)
if not res["results"] or any(r["display_name"] != full for r in res["results"][:1]): fail(f"researcher search for {full}")
counts = [r["works_count"] for r in res["results"]]
if counts != sorted(counts, reverse=True): fail("people sharing a name are not most-works first")
res = api("/api/v1/topics", per_page=5)
if not res["results"] or not all("works_count" in t and t["display_name"] for t in res["results"]): fail("topics list")
label = res["results"][0]["display_name"]
res = api("/api/v1/topics", search=label)
if label not in [t["display_name"] for t in res["results"]]: fail(f"topic search for '{label}'")
passed += 1

# Bad queries: a clear JSON 4xx naming the problem, never a 500.
bad = [("/api/v1/works?search=" + urllib.parse.quote('"open phrase'), "quote"),
       ("/api/v1/works?search=" + urllib.parse.quote("x" * 5000), "long"),
       ("/api/v1/works?search=" + urllib.parse.quote("color:red"), "unknown field"),
       ("/api/v1/works?search=ab%01cd", "control character"),
       ("/api/v1/works?search=a&page=999999", "page"),
       ("/api/v1/works?filter=nosuch:1", "unknown filter 'nosuch'"),
       ("/api/v1/works?filter=publication_year:abc", "publication_year"),
       ("/api/v1/works?sort=popularity", "unknown sort"),
       ("/api/v1/works?cursor=zzz", "cursor"),
       ("/api/v1/works?group_by=colour", "group_by")]
for path, needle in bad:
    code, body = status_of(path)
    if not 400 <= code < 500: fail(f"{path[:60]} gave {code}")
    message = json.loads(body)["error"]["message"]
    if needle not in message: fail(f"{path[:60]}: message '{message}' does not mention '{needle}'")
code, _ = status_of("/api/v1/works?search=" + urllib.parse.quote("(" + works[0]["title"] + " AND"))
if code != 200: fail(f"a pasted title with a stray parenthesis and operator gave {code}")
code, _ = status_of("/api/v1/works?search=" + urllib.parse.quote("y" * 10000))
if not 400 <= code < 500: fail(f"10 KB query gave {code}")
passed += 1

# The page: results with highlights, facets, people; hostile input stays inert.
status, html = get("/search?q=" + urllib.parse.quote(works[0]["title"]))
if html.count('class="work result"') < 1 or "<mark>" not in html: fail("search page shows no highlighted results")
if "<h3>Year</h3>" not in html: fail("search page lacks the year facet")
year_list = html.split("<h3>Year</h3>", 1)[1].split("</ul>", 1)[0]
years_shown = re.findall(r'title="(\d{4})"', year_list)
if len(years_shown) < 2 or years_shown != sorted(years_shown, reverse=True): fail(f"the year facet is not in year order: {years_shown}")
status, html = get("/search?q=" + urllib.parse.quote(full))
if "/researchers/R" not in html: fail("search page lists no researcher for a name")
code, html = status_of("/search?q=" + urllib.parse.quote('<script>alert(1)</script>'))
if "<script>alert(1)" in (html or get("/search?q=" + urllib.parse.quote('<script>alert(1)</script>'))[1]): fail("query rendered unescaped")
code, html = status_of("/search?q=" + urllib.parse.quote('"open'))
if code != 400 or "unbalanced quote" not in html: fail("a bad query on the page is not a 400 with its message")
status, html = get("/researchers?name=" + urllib.parse.quote(full))
if 'action="/search"' not in html: fail("pages lack the search box")
passed += 1
# A quoted phrase from an abstract (not in any title) finds its work.
def plain(t): return re.sub(r"[^a-z0-9 ]", " ", t.lower())
for w in works:
    words = plain(w.get("abstract") or "").split()
    spans = [" ".join(words[i:i + 3]) for i in range(len(words) - 2)
             if all(len(x) > 3 for x in words[i:i + 3])]
    spans = [p for p in spans if not any(p in plain(v["title"]) for v in works)]
    if spans:
        phrase = spans[len(spans) // 2]
        found = api("/api/v1/works", search=f'"{phrase}"', per_page=50)["results"]
        if w["title"] not in [r["title"] for r in found]: fail(f'the phrase "{phrase}" from an abstract does not find its work')
        passed += 1
        break

# A count does not depend on the page size, and says it is exact.
counts = {api("/api/v1/works", search='author:"han hu"', per_page=n)["meta"]["count"] for n in (10, 20, 50)}
exact = api("/api/v1/works", search='author:"han hu"', per_page=10)["meta"]["count_is_exact"]
if len(counts) != 1 or not exact: fail(f'author:"han hu" counts {counts} (exact: {exact}) by page size')
passed += 1

print(f"e2e search (serve): {passed} passed, 0 failed")
PY

# Incremental: only the new and changed works are indexed, and they are found.
python3 - "$FIXTURE" > "$WORK/more.jsonl" <<'PY'
import json, sys
first = json.loads(open(sys.argv[1]).readline())
changed = dict(first, title="Quasicrystalline tessellations revisited: " + first["title"])
new = dict(first, id="seed-incremental-1", title="Zymurgical fermentation kinetics of sourdough cultures",
           abstract="We measure fermentation.", authors="Ada Baker", authors_parsed=[["Baker", "Ada", ""]])
print(json.dumps(changed)); print(json.dumps(new))
PY
"$BZPEER" ingest --data "$WORK/data" "$WORK/more.jsonl" > /dev/null
"$BZPEER" build --data "$WORK/data" > "$WORK/build2.out"
grep -q "search: 2 works indexed (changed since last build)" "$WORK/build2.out" || fail "rebuild did not index just the 2 changed works: $(grep search "$WORK/build2.out")"
"$BZPEER" search --data "$WORK/data" --json "zymurgical fermentation" | grep -q '"title":"Zymurgical fermentation kinetics' || fail "new work not found"
"$BZPEER" search --data "$WORK/data" --json "quasicrystalline tessellations" | grep -q '"title":"Quasicrystalline' || fail "changed work not found by its new title"
[ "$(ls "$WORK/data/search" | grep -c -- -)" -eq 3 ] || fail "old index directories were left behind: $(ls "$WORK/data/search")"
echo "e2e search (incremental): 1 passed, 0 failed"

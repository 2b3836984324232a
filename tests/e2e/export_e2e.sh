#!/usr/bin/env bash
# Bulk export: `bzpeer export` writes works, authors (each work's attribution and its
# strength) and topics as gzip JSON lines in the OpenAlex snapshot's layout, with
# manifests whose counts match the catalog; /api/v1/works?format=jsonl streams a
# search's whole result set, past the 10,000 results that paging reaches.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

python3 - "$WORK/works.jsonl" <<'PY'
import json, random, sys
rng = random.Random(3)
words = ["graph", "neural", "parsing", "vision", "speech", "retrieval", "robust", "sparse", "causal", "kernel",
         "transformer", "bandit", "privacy", "federated", "semantic", "quantum", "protein", "ranking"]
families = ["Okafor", "Lindqvist", "Moreau", "Varga", "Tanaka", "Silva", "Novak", "Haddad", "Kowalski", "Nguyen"]
given = ["Ada", "Bo", "Chidi", "Dana", "Emil", "Fumiko", "Gabriel", "Hana", "Ivan", "Jun", "Kira", "Luis"]
with open(sys.argv[1], "w") as out:
    for i in range(10500):
        title = " ".join(rng.choice(words) for _ in range(6)).capitalize()
        authors = [[rng.choice(families), rng.choice(given), ""] for _ in range(rng.randint(1, 3))]
        out.write(json.dumps({"id": f"2{i // 1000:03d}.{i % 1000:05d}", "title": title, "abstract": title + " studied.",
                              "update_date": f"{2015 + i % 9}-03-01", "categories": "cs.LG",
                              "authors_parsed": authors}) + "\n")
PY
build_works_catalog
"$BZPEER" export --data "$WORK/data" --records-per-part 4000 "$WORK/snapshot" > "$WORK/export.out"
start_server "$WORK/data"

E2E_DIR=$(dirname "$0") python3 - "$BASE" "$WORK/data" "$WORK/snapshot" <<'PY'
import gzip, json, os, sys, urllib.error, urllib.request
sys.path.insert(0, os.environ["E2E_DIR"])
import catalog_db
base, db, snap = sys.argv[1], catalog_db.connect(sys.argv[2]), sys.argv[3]
failures, passed = [], 0
def check(ok, what):
    global passed
    if ok: passed += 1
    else: failures.append(what)

def read(entity):
    manifest = json.load(open(os.path.join(snap, entity, "manifest")))
    records = []
    for entry in manifest["entries"]:
        with gzip.open(os.path.join(snap, entity, entry["url"]), "rt", encoding="utf-8") as f:
            part = [json.loads(line) for line in f]
        check(len(part) == entry["meta"]["record_count"], f"{entity}/{entry['url']} holds what the manifest says")
        records += part
    check(len(records) == manifest["meta"]["record_count"], f"{entity} manifest total")
    return manifest, records

manifest, works = read("works")
check(len(manifest["entries"]) == 3, f"10,500 works in parts of 4,000 make 3 parts: {len(manifest['entries'])}")
check(len(works) == db.execute("SELECT count(*) FROM works").fetchone()[0], "every work exported")
check(len({w["id"] for w in works}) == len(works), "no work twice")
authorships = [a for w in works for a in w["authorships"]]
check(authorships and all(a["author"]["id"] and a["author"]["id"].startswith("R") for a in authorships),
      "every authorship names its researcher")
check(all(a.get("attribution", {}).get("strength") for a in authorships), "every authorship has its attribution's strength")
check(all(w["abstract_inverted_index"] for w in works), "abstracts as inverted indexes")
_, authors = read("authors")
check(len(authors) == db.execute("SELECT count(*) FROM researchers").fetchone()[0], "every researcher exported")
by_author = sum(len(a["works"]) for a in authors)
check(by_author == len(authorships), f"authors' works match the authorships: {by_author} vs {len(authorships)}")
check(all(w["attribution_strength"] for a in authors for w in a["works"]), "authors' works carry strengths")
_, topics = read("topics")
check(len(topics) == db.execute("SELECT count(*) FROM topics").fetchone()[0], "every topic exported")

try:
    urllib.request.urlopen(base + "/api/v1/works?per_page=100&page=101")
    check(False, "paging past 10,000 results is refused")
except urllib.error.HTTPError as e:
    check(e.code == 400, "paging past 10,000 results is refused")
with urllib.request.urlopen(base + "/api/v1/works?format=jsonl") as r:
    check(r.headers["Content-Type"].startswith("application/x-ndjson"), "the stream is JSON lines")
    streamed = [json.loads(line) for line in r]
check(len(streamed) == len(works) and len({w["id"] for w in streamed}) == len(works),
      f"the stream holds every work once: {len(streamed)}")
with urllib.request.urlopen(base + "/api/v1/works?filter=publication_year:2015&format=jsonl") as r:
    years = [json.loads(line)["publication_year"] for line in r]
want = db.execute("SELECT count(*) FROM works WHERE year = 2015").fetchone()[0]
check(len(years) == want and set(years) == {2015}, f"a filtered stream: {len(years)} of {want}")

print(f"export: {passed} passed, {len(failures)} failed")
if failures: sys.exit("FAIL: " + "; ".join(failures))
PY

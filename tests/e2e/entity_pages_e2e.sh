#!/usr/bin/env bash
# The pages of one work, topic and institution, on a small OpenAlex-format corpus made
# here: every author links to the researcher identity chose, with the attribution's
# strength; a work's topics, related works and "who else wrote on this"; a topic's works,
# trend by year and researchers; an institution's researchers and works; titles on the
# profile and in search link to the work page; unknown ids give 404.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

python3 - "$WORK/works.jsonl" <<'PY'
import json, sys
people = {  # name -> institution
    "Ada Lindqvist": "University of Tromsø", "Bo Kestrel": "University of Tromsø",
    "Chidi Okafor": "Lagos Institute of Computing", "Dana Moreau": "Lagos Institute of Computing",
    "Emil Varga": "Budapest Data Lab",
}
works = [
    ("Graph neural networks for molecule property prediction", ["Ada Lindqvist", "Bo Kestrel"], 2019),
    ("Scaling graph neural networks to billions of edges", ["Ada Lindqvist", "Bo Kestrel"], 2020),
    ("Explaining graph neural networks with counterfactuals", ["Ada Lindqvist", "Chidi Okafor"], 2021),
    ("Graph neural networks under distribution shift", ["Chidi Okafor", "Dana Moreau"], 2022),
    ("Graph neural networks meet large language models", ["Dana Moreau", "Emil Varga"], 2023),
    ("Sea ice forecasting from satellite imagery", ["Emil Varga"], 2021),
    ("Sea ice thickness retrieval with radar altimetry", ["Emil Varga"], 2022),
]
# Unrelated works around them, so that phrases are rare enough to be topics and word
# weights are not those of seven documents.
import random
rng = random.Random(5)
syllables = ["ka", "lo", "mi", "ru", "sen", "ta", "vo", "zel", "pri", "dun", "ha", "qe"]
word = lambda: "".join(rng.choice(syllables) for _ in range(3))
for k in range(150):
    name = word().capitalize() + " " + word().capitalize()
    people[name] = "Institute " + word().capitalize()
    works.append((" ".join(word() for _ in range(5)).capitalize(), [name], 2015 + k % 8))
with open(sys.argv[1], "w") as out:
    for i, (title, authors, year) in enumerate(works, 1):
        abstract = (f"We study {title.lower()}. Our method improves on earlier graph neural networks work." if "raph" in title
                    else f"We study {title.lower()} over the Arctic sea ice record." if "ice" in title
                    else f"We study {title.lower()} and report what we find.")
        inverted = {}
        for pos, word in enumerate(abstract.split()):
            inverted.setdefault(word, []).append(pos)
        out.write(json.dumps({
            "id": f"https://openalex.org/W90{i}", "title": title, "display_name": title, "type": "article",
            "publication_year": year, "publication_date": f"{year}-0{i % 9 + 1}-15",
            "primary_location": {"landing_page_url": f"https://example.org/paper/{i}", "source": {"display_name": "Journal of Examples"}},
            "authorships": [{"author": {"display_name": a, "orcid": None},
                             "institutions": [{"display_name": people[a]}], "raw_author_name": a} for a in authors],
            "abstract_inverted_index": inverted, "referenced_works": []}) + "\n")
PY
build_works_catalog
start_server "$WORK/data"
[ -n "${KEEP:-}" ] && { echo "$BASE"; sleep 600; }

python3 - "$BASE" <<'PY'
import json, sys, urllib.error, urllib.parse, urllib.request
base = sys.argv[1]
failures, passed = [], 0

def get(path):
    try:
        with urllib.request.urlopen(base + path) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()

def check(ok, what):
    global passed
    if ok: passed += 1
    else: failures.append(what)

status, body = get("/api/v1/works?search=" + urllib.parse.quote('"explaining graph neural networks"'))
hits = json.loads(body)["results"]
check(status == 200 and len(hits) == 1, f"search finds the work once: {status} {len(hits)}")
work_id = hits[0]["id"]

status, body = get("/api/v1/works/" + work_id)
work = json.loads(body)
check(status == 200 and work["title"] == "Explaining graph neural networks with counterfactuals", f"work JSON: {status}")
names = [a["name"] for a in work["authorships"]]
check(names == ["Ada Lindqvist", "Chidi Okafor"], f"authorships in order: {names}")
check(all(a["researcher"] and a["researcher"].startswith("R") for a in work["authorships"]), "every author has a researcher")
check(all(a["attribution_strength"] for a in work["authorships"]), f"every authorship has its strength: {work['authorships']}")
check(work["authorships"][1]["affiliation"] == "Lagos Institute of Computing", "the authorship's institution")
related = [r["title"] for r in work["related_works"]]
check(related and all("raph" in t for t in related[:3]), f"related works are the graph papers: {related}")
check(work_id not in [r["id"] for r in work["related_works"]], "a work is not related to itself")
also = [p["name"] for p in work["also_wrote"]]
check("Dana Moreau" in also and "Ada Lindqvist" not in also, f"who else wrote on this excludes its authors: {also}")
topic_ids = [t["id"] for t in work["topics"]]
phrase_topics = [t for t in topic_ids if t.startswith("topic:") and "graph" in t]
check(phrase_topics, f"the work carries a graph topic: {topic_ids}")

status, html = get("/works/" + work_id)
check(status == 200 and "Explaining graph neural networks with counterfactuals" in html, f"work page: {status}")
ada = work["authorships"][0]["researcher"]
check(f'href="/researchers/{ada}"' in html, "the work page links its authors' profiles")
check("Read at the source" in html and "https://example.org/paper/3" in html, "the work page links the source")
check("Related works" in html and "Who else wrote on this" in html, "related works and other authors shown")
check('href="/institutions/institution%3ALagos%20Institute%20of%20Computing"' in html, "institution linked")

if phrase_topics:
    topic = phrase_topics[0]
    status, html = get("/topics/" + urllib.parse.quote(topic, safe=""))
    check(status == 200 and "Works by year" in html, f"topic page {topic}: {status}")
    for year in ("2019", "2020", "2021", "2022", "2023"):
        check(f'<span class="bar-label">{year}</span>' in html, f"topic trend has {year}")
    check("Sea ice" not in html, "the topic page lists only its works")
    check('href="/researchers/' in html, "the topic page lists researchers")
    check(f'href="/works/{work_id}"' in html, "the topic page links the work")

status, html = get("/institutions/" + urllib.parse.quote("institution:lagos institute of computing", safe=""))
check(status == 200 and "Chidi Okafor" in html and "Dana Moreau" in html, f"institution page, found whatever the case: {status}")
check("Ada Lindqvist" not in html.split('id="works"')[0], "only the institution's researchers")
check("distribution shift" in html, "the institution page lists its researchers' works")

status, html = get("/researchers/" + ada)
check(f'href="/works/{work_id}"' in html, "profile titles link to the work page")
status, html = get("/search?q=counterfactuals")
check(f'href="/works/{work_id}"' in html, "search titles link to the work page")

for path in ("/works/W99999999", "/works/nonsense", "/topics/topic:no%20such%20topic%20here", "/topics/bogus",
             "/institutions/institution:nowhere", "/api/v1/works/W99999999"):
    status, _ = get(path)
    check(status == 404, f"{path} is 404, not {status}")

print(f"entity pages: {passed} passed, {len(failures)} failed")
if failures:
    sys.exit("FAIL: " + "; ".join(failures))
PY

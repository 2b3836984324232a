#!/usr/bin/env bash
# End-to-end: the identifiers sources give for people decide identity both ways, from
# their own formats: an ORCID iD in OpenAlex works, a homonym number in the DBLP dump
# ("Han Hu 0001"). One id joins two papers that share nothing else; two ids keep apart
# two papers that share a co-author and a subject. A control build of the same records
# without the ids shows the evidence alone deciding the other way. On SQLite, or on
# PostgreSQL through tests/e2e/on_postgres.sh (the control in a second database).
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"
second_catalog control
# The catalog of each variant: its data directory, or on PostgreSQL its database.
catalog_of() { if [ "$1" = with ]; then echo "${BZPEER_DATABASE_URL:-}"; else echo "$SECOND_CATALOG"; fi; }

mkdir -p "$WORK/with/in" "$WORK/without/in"
python3 - "$WORK/with/in/works.jsonl" "$WORK/without/in/works.jsonl" <<'PY'
import json, sys
def abstract(text):
    index = {}
    for i, word in enumerate(text.split()): index.setdefault(word, []).append(i)
    return index
def authorship(name, orcid=None, institution=None):
    return {"author_position": "middle", "raw_author_name": name,
            "author": {"id": "https://openalex.org/A" + str(abs(hash(name)) % 10**9), "display_name": name,
                       "orcid": "https://orcid.org/" + orcid if orcid else None},
            "institutions": [{"display_name": institution, "country_code": "CN"}] if institution else [],
            "raw_affiliation_strings": [institution] if institution else []}
def work(n, title, text, year, venue, authors, subfield):
    return {"id": f"https://openalex.org/W{n}", "doi": f"https://doi.org/10.9999/w{n}", "title": title,
            "display_name": title, "publication_year": year, "publication_date": f"{year}-05-01", "type": "article",
            "primary_location": {"landing_page_url": f"https://doi.org/10.9999/w{n}",
                                 "source": {"display_name": venue, "type": "journal"}},
            "authorships": authors, "abstract_inverted_index": abstract(text),
            "topics": [{"display_name": subfield, "subfield": {"display_name": subfield}}], "referenced_works": []}
A, B = "0000-0002-1825-0097", "0000-0001-5109-3719"
records = [
    work(101, "Peptide identification in tandem mass spectrometry proteomics",
         "We identify peptides from tandem mass spectra with a probabilistic scoring model for proteomics.", 2015,
         "Journal of Proteome Research", [authorship("Wei Zhang", A, "Beihang University"), authorship("Na Li")],
         "Molecular Biology"),
    work(102, "Cost-based join ordering for distributed query optimization",
         "A cost model orders joins in distributed relational databases and cuts query latency.", 2021,
         "VLDB Journal", [authorship("Wei Zhang", A, "Stanford University"), authorship("John Smith")],
         "Information Systems"),
    work(103, "Scoring peptide spectrum matches in mass spectrometry proteomics",
         "Peptide spectrum matches from tandem mass spectrometry are scored with a probabilistic model.", 2016,
         "Journal of Proteome Research", [authorship("Wei Zhang", B, "Peking University"), authorship("Na Li")],
         "Molecular Biology"),
]
with open(sys.argv[1], "w") as out:
    for r in records: out.write(json.dumps(r) + "\n")
# The control: the same works without iDs, where the evidence alone decides.
with open(sys.argv[2], "w") as out:
    for r in records:
        for a in r["authorships"]: a["author"]["orcid"] = None
        out.write(json.dumps(r) + "\n")
PY

# DBLP: the two numbered Han Hus share a co-author and a subject; Han Hu 0001's two
# papers share nothing. The dump's entities are declared in dblp.dtd beside it.
for variant in with without; do
  if [ $variant = with ]; then one=" 0001"; two=" 0002"; else one=""; two=""; fi
  echo '<!ENTITY uuml "&#252;">' > "$WORK/$variant/in/dblp.dtd"
  cat > "$WORK/$variant/in/dblp.xml" <<XML
<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE dblp SYSTEM "dblp.dtd">
<dblp>
<inproceedings key="conf/a/1"><author>Han Hu$one</author><author>Yue Cao</author><title>Masked image modeling for vision transformers.</title><year>2021</year><booktitle>CVPR</booktitle></inproceedings>
<inproceedings key="conf/a/2"><author>Han Hu$two</author><author>Yue Cao</author><title>Scaling masked image modeling for vision transformers.</title><year>2022</year><booktitle>CVPR</booktitle></inproceedings>
<article key="journals/b/3"><author>Han Hu$one</author><author>J&uuml;rgen Klein</author><title>Energy-efficient offloading in mobile edge computing.</title><year>2019</year><journal>IEEE IoT J.</journal></article>
</dblp>
XML
  BZPEER_DATABASE_URL=$(catalog_of $variant) "$BZPEER" ingest --data "$WORK/$variant/data" "$WORK/$variant/in" > "$WORK/$variant/ingest.out"
  grep -q "read 6, new 6, .* skipped 0" "$WORK/$variant/ingest.out" || fail "ingest: $(cat "$WORK/$variant/ingest.out")"
  BZPEER_DATABASE_URL=$(catalog_of $variant) "$BZPEER" build --data "$WORK/$variant/data" > /dev/null
done
# Each person's works, one line per person (works joined by commas), for a name.
groups() {
  BZPEER_DATABASE_URL=$(catalog_of "$1") catalog_sql "$WORK/$1/data" "SELECT rw.researcher_id, w.external_id
    FROM researcher_works rw JOIN works w ON w.id = rw.work_id JOIN researchers r ON r.id = rw.researcher_id
    WHERE r.display_name = '$2' ORDER BY 1, 2" |
    awk -F'|' '$1 != person { if (NR > 1) print line; person = $1; line = $2; next } { line = line "," $2 } END { if (NR) print line }' |
    sort
}
[ "$(groups without 'Wei Zhang')" = "$(printf 'openalex:W101,openalex:W103\nopenalex:W102')" ] ||
  fail "the control build without ORCID iDs grouped: $(groups without 'Wei Zhang')"
[ "$(groups without 'Han Hu')" = "$(printf 'dblp:conf/a/1,dblp:conf/a/2\ndblp:journals/b/3')" ] ||
  fail "the control build without homonym numbers grouped: $(groups without 'Han Hu')"
[ "$(groups with 'Han Hu')" = "$(printf 'dblp:conf/a/1,dblp:journals/b/3\ndblp:conf/a/2')" ] ||
  fail "DBLP's homonym numbers should join conf/a/1 with journals/b/3 and keep conf/a/2 apart: $(groups with 'Han Hu')"
start_server "$WORK/with/data"

python3 - "$BASE" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
def fail(msg): sys.exit("FAIL: " + msg)
def get(path): return json.loads(urllib.request.urlopen(base + path).read())

people = get("/api/v1/researchers?search=Wei%20Zhang")["results"]
works_of = {}
for p in people:
    works_of[p["id"]] = sorted(w["external_id"] for w in get(f"/api/v1/works?filter=author.id:{p['id']}")["results"])
groups = sorted(works_of.values())
if groups != [["openalex:W101", "openalex:W102"], ["openalex:W103"]]:
    fail(f"the same ORCID iD should join W101 and W102 and a different one keep W103 apart: {groups}")
one = next(p for p in people if works_of[p["id"]] == ["openalex:W101", "openalex:W102"])
# Institutions come through; the profile shows where the person is now: the institution of
# their newest work (2021), not the older one (first alphabetically too).
if one["affiliation"] != "Stanford University": fail(f"current affiliation {one['affiliation']!r}")
works = get(f"/api/v1/works?filter=author.id:{one['id']}")["results"]
for w in works:
    if w["attribution_strength"] != "confirmed" or "ORCID" not in w["attribution"]:
        fail(f"{w['external_id']} should be tied by the ORCID iD: {w['attribution_strength']} {w['attribution']}")
w = next(w for w in works if w["external_id"] == "openalex:W101")
if w["doi"] != "10.9999/w101" or w["venue"] != "Journal of Proteome Research" or w["publication_year"] != 2015:
    fail(f"W101 as served: {w}")
# OpenAlex ships abstracts as word -> positions; the served text is back in order.
if w["abstract"] != "We identify peptides from tandem mass spectra with a probabilistic scoring model for proteomics.":
    fail(f"abstract {w['abstract']!r}")
print("person ids e2e (ORCID iDs from OpenAlex, DBLP homonym numbers): 2 passed, 0 failed")
PY

#!/usr/bin/env bash
# A search of a few words that are a researcher's name ranks that person's works first,
# above a work whose several authors each carry one of the words ("Bojie Hu", "Ambyer Han").
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

cat > "$WORK/works.jsonl" <<'JSON'
{"id":"2101.00001","title":"Masked image modeling for vision transformers","abstract":"We study masked image modeling.","update_date":"2021-01-01","categories":"cs.CV","authors_parsed":[["Hu","Han",""],["Cao","Yue",""]]}
{"id":"2101.00002","title":"Scaling masked image modeling","abstract":"Masked image modeling at scale.","update_date":"2022-01-01","categories":"cs.CV","authors_parsed":[["Hu","Han",""],["Cao","Yue",""]]}
{"id":"2301.99999","title":"Han and Hu on Hu and Han","abstract":"Hu Han, Han Hu's namesakes.","update_date":"2023-01-01","categories":"cs.CL","authors_parsed":[["Hu","Bojie",""],["Han","Ambyer",""],["Han","Li",""],["Hu","Wei",""]]}
JSON
build_works_catalog
start_server "$WORK/data"
python3 - "$BASE" <<'PY'
import json, sys, urllib.request
base = sys.argv[1]
with urllib.request.urlopen(base + "/api/v1/works?search=han+hu&per_page=3") as r:
    results = json.load(r)["results"]
authors = [w["authors"] for w in results]
if len(results) != 3 or any("Han Hu" not in a for a in authors[:2]) or "Han Hu" in authors[2]:
    sys.exit(f"FAIL: 'han hu' ranks {authors}; Han Hu's two works should come first")
print("name search: 1 passed, 0 failed")
PY

#!/usr/bin/env python3
"""Writes an S2AND-format dataset of names and affiliations only (no papers.json) from
OpenAlex works: every authorship with an ORCID iD becomes a signature (first, middle,
last, its institutions or raw affiliation), clustered by the iD. The kind of set the
identity model meets when a source gives nothing but names and affiliations.

usage: names_only_s2and.py OPENALEX_DIR OUT_DIR
"""
import glob
import json
import os
import sys


def parts(name):
    words = name.replace(".", ". ").split()
    if not words:
        return "", "", ""
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]


def main(source, out):
    signatures, clusters = {}, {}
    for path in sorted(glob.glob(os.path.join(source, "**", "*.json"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            works = json.load(f)
        for work in works if isinstance(works, list) else works.get("results", []):
            for position, a in enumerate(work.get("authorships") or []):
                orcid = (a.get("author") or {}).get("orcid")
                name = a.get("raw_author_name") or (a.get("author") or {}).get("display_name") or ""
                if not orcid or not name:
                    continue
                first, middle, last = parts(name)
                places = [i.get("display_name") for i in a.get("institutions") or [] if i.get("display_name")]
                if not places and a.get("raw_affiliation_string"):
                    places = [a["raw_affiliation_string"]]
                sid = f"{work['id'].rsplit('/', 1)[-1]}_{position}"
                signatures[sid] = {"signature_id": sid, "paper_id": work["id"].rsplit("/", 1)[-1],
                                   "author_info": {"position": position, "block": f"{first[:1].lower()} {last.lower()}",
                                                   "first": first, "middle": middle, "last": last, "suffix": None,
                                                   "email": None, "affiliations": places}}
                clusters.setdefault(orcid, {"cluster_id": orcid, "signature_ids": []})["signature_ids"].append(sid)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "signatures.json"), "w", encoding="utf-8") as f:
        json.dump(signatures, f)
    with open(os.path.join(out, "clusters.json"), "w", encoding="utf-8") as f:
        json.dump(clusters, f)
    print(f"{len(signatures)} signatures, {len(clusters)} people, no papers.json -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

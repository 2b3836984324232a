#!/usr/bin/env python3
"""Builds the search benchmark's query sets from a built catalog, and scores answers.

  make  --data DIR --out DIR [--source "ACL Anthology"] [--n 1000] [--seed 42]
        writes known_item.txt (one query a line), known_item_truth.tsv (work id, title)
        and short.txt (1-3 word queries taken from titles).
  score --truth known_item_truth.tsv --answers answers.jsonl
        prints MRR and recall@10 as one JSON line, with the number of failed queries
        (an answer with an "error"; it scores 0, and is counted, never hidden as a miss).
        The answers may be the first N queries only: the truth is cut to their number.

Known-item queries: a fixed random sample of papers with at least three title words;
each query is the title with one word dropped and another misspelt (a letter dropped,
doubled, swapped with its neighbour or replaced; never the first letter). A result
counts as the paper when it is the paper or carries the very same title (the Anthology
has many "Preface"s: no title query can tell them apart).
"""
import argparse, json, random, sqlite3, string, sys


def misspell(word, rng):
    if len(word) < 3:
        return word + rng.choice(string.ascii_lowercase)
    i = rng.randrange(1, len(word))
    kind = rng.choice(["drop", "double", "swap", "replace"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "double":
        return word[:i] + word[i] + word[i:]
    if kind == "swap" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    letters = [c for c in string.ascii_lowercase if c != word[i].lower()]
    return word[:i] + rng.choice(letters) + word[i + 1:]


def make(args):
    db = sqlite3.connect(f"file:{args.data}/catalog.sqlite?mode=ro", uri=True)
    rows = db.execute("SELECT id, title FROM works WHERE source = ? ORDER BY id", (args.source,)).fetchall()
    rows = [(i, t) for i, t in rows if len(t.split()) >= 3]
    rng = random.Random(args.seed)
    sample = rng.sample(rows, min(args.n, len(rows)))
    with open(f"{args.out}/known_item.txt", "w") as q, open(f"{args.out}/known_item_truth.tsv", "w") as truth:
        for work_id, title in sample:
            words = title.split()
            del words[rng.randrange(len(words))]
            candidates = [k for k, w in enumerate(words) if len(w) >= 4 and w.isalpha()] or list(range(len(words)))
            k = rng.choice(candidates)
            words[k] = misspell(words[k], rng)
            q.write(" ".join(words).replace('"', "") + "\n")
            truth.write(f"W{work_id}\t{title}\n")
    with open(f"{args.out}/short.txt", "w") as short:
        for _ in range(args.n):
            words = [w.strip(string.punctuation) for w in rng.choice(rows)[1].split()]
            words = [w for w in words if len(w) >= 3]
            if not words:
                continue
            n = rng.randint(1, min(3, len(words)))
            start = rng.randrange(len(words) - n + 1)
            short.write(" ".join(words[start:start + n]) + "\n")
    print(f"wrote {len(sample)} known-item and short queries to {args.out}", file=sys.stderr)


def normalize(title):
    return " ".join(title.lower().split())


def score(args):
    truth = [line.rstrip("\n").split("\t", 1) for line in open(args.truth)]
    answers = [json.loads(line) for line in open(args.answers)]
    if len(truth) < len(answers) or not answers:
        sys.exit(f"score: {len(truth)} queries but {len(answers)} answers")
    truth = truth[:len(answers)]
    reciprocal, found, failed = 0.0, 0, 0
    for (work_id, title), answer in zip(truth, answers):
        if "error" in answer:
            failed += 1
            continue
        for rank, result in enumerate(answer["results"][:10], start=1):
            if result["id"] == work_id or normalize(result["title"]) == normalize(title):
                reciprocal += 1 / rank
                found += 1
                break
    n = len(truth)
    print(json.dumps({"queries": n, "mrr": round(reciprocal / n, 4), "recall_at_10": round(found / n, 4),
                      "failed": failed}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("make")
    m.add_argument("--data", required=True)
    m.add_argument("--out", required=True)
    m.add_argument("--source", default="ACL Anthology")
    m.add_argument("--n", type=int, default=1000)
    m.add_argument("--seed", type=int, default=42)
    s = sub.add_parser("score")
    s.add_argument("--truth", required=True)
    s.add_argument("--answers", required=True)
    args = parser.parse_args()
    make(args) if args.command == "make" else score(args)


if __name__ == "__main__":
    main()

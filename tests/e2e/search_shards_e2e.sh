#!/usr/bin/env bash
# End-to-end: the works index built as 3 shards, each served by Debian's xapian-tcpsrv.
# A server searching them remotely answers exactly as one opening them from disk
# (results, scores, counts, facets, spelling corrections, champion-list queries). A shard
# that dies, or stops answering, gives 503 within the timeout (never a hang, never a
# dead server), and searches work again once the shard is back.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
GEN=${2:?path to gen-corpus}
ROOT=${3:?project root}
source "$(dirname "$0")/lib.sh"
SHARD_PIDS=()
REMOTE_PID=""
stop_all() {
  for pid in "${SHARD_PIDS[@]}" $REMOTE_PID; do
    kill -CONT -- "-$pid" 2>/dev/null || kill -CONT "$pid" 2>/dev/null
    kill "$pid" 2>/dev/null || true
  done
  cleanup
}
trap stop_all EXIT

# 12,000 works: enough for words common enough to have champion lists over 3 shards.
"$GEN" --works 12000 --vocab-from "$ROOT/../shared/data/acl-anthology-2019" --out "$WORK/corpus.jsonl" 2>/dev/null
"$BZPEER" ingest --data "$WORK/data" "$WORK/corpus.jsonl" > /dev/null
"$BZPEER" build --data "$WORK/data" --search-shards 3 > "$WORK/build.out"
grep -q "over 3 shards" "$WORK/build.out" || fail "no 3-shard index: $(grep search "$WORK/build.out")"
works_dir=$(works_index_dir "$WORK/data")
[ -d "$works_dir/shard-2" ] || fail "no shard-2 in $works_dir"

PORTS=()
start_shard() {  # start_shard I: serves shard I on PORTS[I] (a new port the first time)
  local i=$1
  [ -n "${PORTS[$i]:-}" ] || PORTS[$i]=$(free_port)
  start_shard_server "${PORTS[$i]}" "$works_dir/shard-$i" "$WORK/shard-$i.log" || fail "shard $i did not start"
  SHARD_PIDS[$i]=$SHARD_SERVER_PID
}
for i in 0 1 2; do start_shard "$i"; done
urls="tcp://127.0.0.1:${PORTS[0]},tcp://127.0.0.1:${PORTS[1]},tcp://127.0.0.1:${PORTS[2]}"

start_server "$WORK/data"
LOCAL=$BASE
start_server "$WORK/data" --search "$urls" --search-timeout 800
REMOTE=$BASE
REMOTE_PID=${SERVER_PIDS[-1]}

# Shards given out of order are refused, naming the shard.
bad="tcp://127.0.0.1:${PORTS[1]},tcp://127.0.0.1:${PORTS[0]},tcp://127.0.0.1:${PORTS[2]}"
if "$BZPEER" serve --data "$WORK/data" --port 0 --search "$bad" > "$WORK/bad.out" 2>&1; then fail "shards out of order were accepted"; fi
grep -q "is shard 1/3, not 0/3" "$WORK/bad.out" || fail "out-of-order shards: $(cat "$WORK/bad.out")"

python3 - "$LOCAL" "$REMOTE" "$WORK/corpus.jsonl" <<'PY'
import collections, json, re, sys, urllib.parse, urllib.request
local, remote, corpus = sys.argv[1:]
works = [json.loads(l) for l in open(corpus)]
# Queries from the corpus itself: its most common words (champion lists), a common word
# with a rarer one, a title phrase, a misspelt word, fields, filters, sorts and facets.
df = collections.Counter()
for w in works:
    df.update(set(re.findall(r"[a-z]{4,}", (w["title"] + " " + w["abstract"]).lower())))
common = [word for word, _ in df.most_common(12)]
rarer = [word for word, n in df.most_common() if 20 <= n <= 60][:3]
title = works[77]["title"].split()
misspelt = common[3][:2] + common[3][3:]
queries = [f"search={common[0]}", f"search={common[1]}+{common[2]}", f"search={common[4]}+{rarer[0]}",
           f"search={common[5]}+{common[6]}+{rarer[1]}&page=2&per_page=10",
           "search=" + urllib.parse.quote('"' + " ".join(title[:3]) + '"'), f"search={misspelt}",
           f"search={rarer[2]}", f"search={common[7]}&group_by=category", f"search={common[8]}&group_by=publication_year",
           f"filter=publication_year:2021&search={common[9]}&sort=publication_date:desc",
           f"search=title:{title[0].lower()}&per_page=50", "group_by=category", "group_by=publication_year&sort=publication_date:asc",
           "search=" + urllib.parse.quote(works[5]["authors_parsed"][0][0])]
def get(base, q):
    body = json.load(urllib.request.urlopen(f"{base}/api/v1/works?{q}", timeout=20))
    body["meta"].pop("db_response_time_ms", None)
    return body
approximate = 0
for q in queries:
    a, b = get(local, q), get(remote, q)
    if a != b:
        sys.exit(f"FAIL: {q}: remote shards answer differently\n local  {json.dumps(a)[:600]}\n remote {json.dumps(b)[:600]}")
    if not a["results"] and "group_by" not in q: sys.exit(f"FAIL: {q}: no results to compare")
    approximate += a["meta"]["count_is_exact"] is False
if approximate == 0: sys.exit("FAIL: no query took the champion lists")
if "did_you_mean" not in get(local, f"search={misspelt}")["meta"]: sys.exit(f"FAIL: no correction for {misspelt}")
# A misspelt word beside a rarer one takes the champion lists with its correction (the
# question whether the index has the word rides with the rarer word's match): the answer
# is the corrected query's. A word of abstracts alone (the spelling dictionary is made of
# titles and names) one letter from a title word is kept as typed, though the same guess
# was made for it first.
def ids(body): return [r["id"] for r in body["results"]]
both = get(local, f"search={misspelt}+{rarer[0]}")
if both["meta"].get("did_you_mean") != f"{common[3]} {rarer[0]}": sys.exit(f"FAIL: {misspelt} {rarer[0]}: {both['meta']}")
if ids(both) != ids(get(local, f"search={common[3]}+{rarer[0]}")): sys.exit("FAIL: a corrected query ranks otherwise than its correction")
def one_edit(a, b):
    if abs(len(a) - len(b)) > 1 or a == b: return False
    if len(a) == len(b): return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
spelled = set()
for w in works:
    spelled.update(re.findall(r"[a-z0-9]+", (w["title"] + " " + " ".join(" ".join(p) for p in w["authors_parsed"])).lower()))
abstract_only = {x for w in works for x in re.findall(r"[a-z]{5,}", w["abstract"].lower())} - spelled
by_length = collections.defaultdict(list)
for word in spelled: by_length[len(word)].append(word)
name = next((n for n in sorted(abstract_only) if any(one_edit(n, w) for k in (-1, 0, 1) for w in by_length[len(n) + k])), None)
if name is None: sys.exit("FAIL: the corpus has no abstract word one letter from a title word")
# A common word the searcher ranks by (its stopwords of four letters or more left out).
topical = next(w for w in common if w not in {"that", "this", "with", "from", "into", "without"})
kept = get(local, f"search={topical}+{name}")
if kept["meta"]["count_is_exact"] is not False: sys.exit(f"FAIL: {topical} {name} did not take the champion lists")
if "did_you_mean" in kept["meta"]: sys.exit(f"FAIL: {name}, a word of the index, was corrected: {kept['meta']}")
if kept != get(remote, f"search={topical}+{name}"): sys.exit(f"FAIL: {name}: remote shards answer differently")
# Pages too, but for the snippets: Xapian picks a snippet's fragment by statistics that a
# remote result set carries differently, so only their marked words must agree.
def page(base, path):
    html = urllib.request.urlopen(base + path, timeout=20).read().decode()
    html = re.sub(r"\d+(\.\d+)? ms", "", html)
    return re.sub(r'(<p class="abstract snippet">).*?(</p>)',
                  lambda m: m.group(1) + " ".join(sorted(set(re.findall(r"<mark>(.*?)</mark>", m.group(0))))) + m.group(2), html)
for path in [f"/search?q={common[1]}", f"/search?q={misspelt}"]:
    a, b = page(local, path), page(remote, path)
    if a != b or "<mark>" not in a: sys.exit(f"FAIL: {path}: pages differ")
print(f"remote shards: {len(queries)} queries answered as locally ({approximate} through champion lists)")
PY

# status_of URL: the HTTP status, or "hung" when no answer came in 30 s (the shard timeout
# here is 0.8 s, but a loaded machine running the sanitizers' build is slow).
status_of() { curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$1" || echo "hung"; }
query="$REMOTE/api/v1/works?search=$(python3 -c 'import sys; print(sys.argv[1])' ranking)"
[ "$(status_of "$query")" = 200 ] || fail "remote search before the fault"

# A shard that dies: an error at once, not a hang; the rest of the server still answers.
kill "${SHARD_PIDS[1]}"; wait "${SHARD_PIDS[1]}" 2>/dev/null || true
[ "$(status_of "$query")" = 503 ] || fail "a dead shard did not give 503"
[ "$(status_of "$REMOTE/api/v1/researchers?search=wang")" = 200 ] || fail "researchers search failed with a shard down"
start_shard 1
recovered=""
for _ in $(seq 30); do [ "$(status_of "$query")" = 200 ] && { recovered=yes; break; }; sleep 0.2; done
[ -n "$recovered" ] || fail "no recovery once the shard was back"

# A shard that stops answering (its connection open): 503 once the timeout passes.
# xapian-tcpsrv serves each connection from a child of its own, in the process group
# the shard was started in (scripts/cluster_parts.sh): the whole group stops, or a
# searcher's open connection would still be answered.
kill -STOP -- "-${SHARD_PIDS[2]}"
silent=$(status_of "$REMOTE/api/v1/works?search=graph+parsing")
[ "$silent" = 503 ] || fail "a silent shard gave $silent, not 503 within the timeout"
kill -CONT -- "-${SHARD_PIDS[2]}"
recovered=""
for _ in $(seq 30); do [ "$(status_of "$query")" = 200 ] && { recovered=yes; break; }; sleep 0.2; done
[ -n "$recovered" ] || fail "no recovery once the silent shard answered again"
kill -0 "$REMOTE_PID" || fail "the remote server died"
echo "search shards: local and remote agree; a dead and a silent shard give 503 and recover"

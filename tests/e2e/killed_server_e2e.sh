#!/usr/bin/env bash
# kill -9 of `serve` in the middle of account writes under load: every write the server
# acknowledged (a sign-up, a saved work, a follow) is there when it comes back, and the
# catalog is whole. Writers are five clients at once; the kill comes while they write.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
source "$(dirname "$0")/lib.sh"

build_seed_catalog
catalog_sql "$WORK/data" "SELECT 'W' || id FROM works ORDER BY id" > "$WORK/works.txt"
catalog_sql "$WORK/data" "SELECT 'R' || id FROM researchers ORDER BY id" > "$WORK/researchers.txt"
start_server "$WORK/data"

cat > "$WORK/client.py" <<'PY'
import http.client, http.cookiejar, json, os, sys, threading, time, urllib.error, urllib.request
mode, base, work = sys.argv[1], sys.argv[2], sys.argv[3]
works = open(f"{work}/works.txt").read().split()
researchers = open(f"{work}/researchers.txt").read().split()
PASSWORD = "a long enough password"

class Client:
    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = None
    def call(self, method, path, body=None):
        headers = {"Content-Type": "application/json"}
        if self.csrf: headers["X-CSRF-Token"] = self.csrf
        req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                     headers=headers, method=method)
        try:
            with self.opener.open(req, timeout=10) as r: return r.status, json.loads(r.read() or b"null")
        except urllib.error.HTTPError as e: return e.code, json.loads(e.read() or b"null")
    def login(self, email):
        s, b = self.call("POST", "/api/v1/login", {"email": email, "password": PASSWORD})
        if s == 200: self.csrf = b["csrf_token"]
        return s

def fail(msg): sys.exit("FAIL: " + msg)

if mode == "load":
    users = [f"writer{i}@example.org" for i in range(4)]
    clients = []
    for email in users:
        c = Client()
        c.call("POST", "/api/v1/signup", {"email": email, "password": PASSWORD, "display_name": "Writer"})
        if c.login(email) != 200: fail(f"login of {email}")
        clients.append(c)
    acked = {"saved": [], "follows": [], "signups": []}
    errors = []
    lock = threading.Lock()
    def writer(i):  # saves works and follows researchers, each a new row, until the server is gone
        c, n = clients[i], 0
        while True:
            try:
                if n % 2 == 0:
                    w = works[(i * 997 + n) % len(works)]
                    s, _ = c.call("POST", "/api/v1/saved", {"work_id": w})
                    if s == 201:
                        with lock: acked["saved"].append([users[i], w])
                else:
                    r = researchers[(i * 613 + n) % len(researchers)]
                    s, _ = c.call("POST", f"/api/v1/researchers/{r}/follow", {})
                    if s == 200:
                        with lock: acked["follows"].append([users[i], r])
            except (OSError, urllib.error.URLError, http.client.HTTPException) as e:  # a reply cut off is no ack
                with lock: errors.append(repr(e))
                return
            n += 1
    def signer():
        c, n = Client(), 0
        while True:
            email = f"new{n}@example.org"
            try:
                s, _ = c.call("POST", "/api/v1/signup", {"email": email, "password": PASSWORD, "display_name": "New"})
                if s == 202:
                    with lock: acked["signups"].append(email)
            except (OSError, urllib.error.URLError, http.client.HTTPException) as e:  # a reply cut off is no ack
                with lock: errors.append(repr(e))
                return
            n += 1
    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)] + [threading.Thread(target=signer)]
    for t in threads: t.start()
    open(f"{work}/load.started", "w").close()
    for t in threads: t.join()
    acked["errors"] = errors
    json.dump(acked, open(f"{work}/acked.json", "w"))
else:  # check, against the restarted server
    acked = json.load(open(f"{work}/acked.json"))
    if len(acked["errors"]) < 5: fail("the kill did not cut every writer off mid-load")
    if not acked["saved"] or not acked["follows"] or not acked["signups"]: fail(f"nothing acknowledged before the kill: {acked}")
    by_user = {}
    for email, w in acked["saved"]: by_user.setdefault(email, [set(), set()])[0].add(w)
    for email, r in acked["follows"]: by_user.setdefault(email, [set(), set()])[1].add(r)
    for email, (saved, follows) in by_user.items():
        c = Client()
        if c.login(email) != 200: fail(f"{email} cannot log in after the restart")
        s, b = c.call("GET", "/api/v1/saved?per_page=100")
        have = {w["id"] for w in b["results"]}
        if saved - have: fail(f"{email}: acknowledged saves lost: {sorted(saved - have)}")
        s, b = c.call("GET", "/api/v1/me")
        following = json.dumps(b["following"])
        lost = [r for r in follows if f'"{r}"' not in following]
        if lost: fail(f"{email}: acknowledged follows lost: {lost}")
    for email in acked["signups"]:
        if Client().login(email) != 200: fail(f"the acknowledged sign-up {email} is lost")
    print(f"{len(acked['saved'])} saves, {len(acked['follows'])} follows, {len(acked['signups'])} sign-ups acknowledged before the kill")
PY

python3 "$WORK/client.py" load "$BASE" "$WORK" &
load=$!
for _ in $(seq 300); do [ -e "$WORK/load.started" ] && break; sleep 0.1; done
[ -e "$WORK/load.started" ] || fail "the load did not start"
sleep 1.5
kill -9 "${SERVER_PIDS[0]}"
wait "$load" || fail "the load client failed"
[ "$(sqlite3 "$WORK/data/catalog.sqlite" "PRAGMA integrity_check")" = ok ] || fail "the catalog is damaged after the kill"
start_server "$WORK/data"
summary=$(python3 "$WORK/client.py" check "$BASE" "$WORK")
echo "killed server ($summary): 1 passed, 0 failed"

#!/usr/bin/env bash
# The ranked feed over real HTTP: a visitor's feed, then a signed-in reader who follows
# two researchers and sees their works with the reason; "not relevant" takes an item
# out and the next moves up; saving; the no-JavaScript forms; the private Atom feed
# parses as XML and stops working when revoked; writes need the CSRF token.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
source "$(dirname "$0")/lib.sh"

build_seed_catalog
# The two researchers with most works, and those works, straight from the catalog.
followed=$(catalog_sql "$WORK/data" "SELECT id FROM researchers ORDER BY works_count DESC, id LIMIT 2" | tr '\n' ' ')
start_server "$WORK/data"

E2E_DIR=$(dirname "$0") python3 - "$BASE" "$WORK/data" "$BZPEER" $followed <<'PY'
import glob, html, http.cookiejar, json, os, re, subprocess, sys, time, urllib.error, urllib.parse, urllib.request
import xml.etree.ElementTree as ET
base, data, bzpeer, followed = sys.argv[1], sys.argv[2], sys.argv[3], [int(x) for x in sys.argv[4:]]
sys.path.insert(0, os.environ["E2E_DIR"])
import catalog_db
passed = 0
def fail(msg): sys.exit("FAIL: " + msg)
def ok():
    global passed; passed += 1

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs): return None

jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
def call(method, path, body=None, csrf=None, form=None):
    headers, data = {}, None
    if body is not None: headers["Content-Type"], data = "application/json", json.dumps(body).encode()
    if form is not None: headers["Content-Type"], data = "application/x-www-form-urlencoded", urllib.parse.urlencode(form).encode()
    if csrf: headers["X-CSRF-Token"] = csrf
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with opener.open(req) as r: return r.status, r.read().decode(), r.headers
    except urllib.error.HTTPError as e: return e.code, e.read().decode(), e.headers
def api(method, path, body=None, csrf=None):
    s, text, h = call(method, path, body, csrf)
    return s, (json.loads(text) if text else {})

db = catalog_db.connect(data)
works_of = {r: {w for (w,) in db.execute("SELECT work_id FROM researcher_works WHERE researcher_id = ?", (r,))} for r in followed}
names = {r: db.execute("SELECT display_name FROM researchers WHERE id = ?", (r,)).fetchone()[0] for r in followed}
total_works = db.execute("SELECT COUNT(*) FROM works").fetchone()[0]

# A visitor gets the newest works, no reasons to invent.
s, b = api("GET", "/api/v1/feed?per_page=5")
if s != 200 or len(b["results"]) != 5 or b["meta"]["personal"]: fail(f"visitor feed: {s} {b}")
dates = [r["work"]["publication_date"] for r in b["results"]]
if dates != sorted(dates, reverse=True): fail(f"a visitor's feed is not newest first: {dates}")
ok()
s, home, _ = call("GET", "/")
if 'href="/login"' not in home or 'href="/signup"' not in home: fail("a visitor's top bar offers no way to log in or sign up")
if s != 200 or 'role="search"' not in home or home.count('class="feed-item"') != 8: fail("the home page lacks the search box or the newest works")
if b["results"][0]["work"]["title"] not in html.unescape(home): fail("the home page's newest work is not the feed's")
s, b = api("GET", "/api/v1/feed?sort=sideways")
if s != 400 or "sort" not in b["error"]["message"]: fail(f"bad sort: {s} {b}")
s, b = api("GET", "/api/v1/feed?per_page=1000")
if s != 400: fail(f"per_page over the limit: {s}")
ok()

s, _ = api("POST", "/api/v1/signup", {"email": "reader@example.org", "password": "correct horse battery", "display_name": "Reader"})
s, b = api("POST", "/api/v1/login", {"email": "reader@example.org", "password": "correct horse battery"})
if s != 200: fail(f"login: {s} {b}")
csrf = b["csrf_token"]
for r in followed:
    s, b = api("POST", f"/api/v1/researchers/R{r}/follow", {}, csrf)
    if s != 200: fail(f"follow R{r}: {s} {b}")

s, page, _ = call("GET", "/account")
for r in followed:
    if f'<a href="/researchers/R{r}">{html.escape(names[r])}</a>' not in page: fail(f"/account lists R{r} without its name")
s, page, _ = call("GET", "/feed")
if "Reader</a>" not in page or "Log out" not in page or 'href="/signup"' in page: fail("the signed-in top bar does not show the account")
ok()

# A followed topic brings works that carry its words, saying so.
topic = db.execute("SELECT label FROM topics WHERE id LIKE 'topic:%' ORDER BY works_count DESC, id LIMIT 1").fetchone()[0]
s, b = api("POST", "/api/v1/topics/follow?id=" + urllib.parse.quote("topic:" + topic), None, csrf)
if s != 200: fail(f"follow topic {topic}: {s} {b}")
s, b = api("GET", "/api/v1/feed?per_page=100")
if s != 200 or not b["meta"]["personal"]: fail(f"reader's feed: {s} {b}")
in_topic = [i for i in b["results"] if f"in your topic {topic}" in [x["text"] for x in i["reasons"]]]
if not in_topic: fail(f"no item says it is in the followed topic {topic}")
words = [w[:5] for w in topic.lower().split()]  # stems: "modeling" and "models" meet at "model"
for i in in_topic:
    title, abstract = db.execute("SELECT title, abstract FROM works WHERE id = ?", (int(i["work"]["id"][1:]),)).fetchone()
    if not any(w in (title + " " + abstract).lower() for w in words): fail(f"{i['work']['id']} is not about {topic}")
ok()
s, b = api("DELETE", "/api/v1/topics/follow?id=" + urllib.parse.quote("topic:" + topic), None, csrf)
s, b = api("GET", "/api/v1/feed?per_page=100")
items = b["results"]
for r in followed:
    mine = [i for i in items if int(i["work"]["id"][1:]) in works_of[r]]
    if not mine: fail(f"no work of followed R{r} in the feed")
    for i in mine:
        texts = [x["text"] for x in i["reasons"]]
        if f"by {names[r]}, whom you follow" not in texts: fail(f"{i['work']['id']} of R{r} does not say why: {texts}")
        if not any(x.get("researcher_id") == f"R{r}" for x in i["reasons"]): fail("the reason does not name the researcher's id")
scores = [i["score"] for i in items]
if scores != sorted(scores, reverse=True): fail(f"not ordered by score: {scores}")
if any(round(x, 1) != x for x in scores): fail("scores are shown with one decimal")
ok()

# "Not relevant" takes the top item out; the second moves up.
top, second = items[0]["work"]["id"], items[1]["work"]["id"]
s, b = api("POST", "/api/v1/feed/feedback", {"work_id": top, "action": "not_relevant"})
if s != 403: fail(f"feedback without the CSRF token: {s}")
s, b = api("POST", "/api/v1/feed/feedback", {"work_id": top, "action": "not_relevant"}, csrf)
if s != 200: fail(f"not relevant: {s} {b}")
s, b = api("GET", "/api/v1/feed?per_page=100")
ids = [i["work"]["id"] for i in b["results"]]
if top in ids: fail("the dismissed work is still in the feed")
if ids[0] != second: fail(f"after dismissing {top}, {second} should lead, got {ids[:3]}")
s, b = api("POST", "/api/v1/feed/feedback", {"work_id": "W999999999", "action": "more_like_this"}, csrf)
if s != 404: fail(f"feedback on a missing work: {s}")
ok()

# Saving, listed and shown; paging by cursor covers the feed without repeats.
s, b = api("POST", "/api/v1/saved", {"work_id": second}, csrf)
if s != 201: fail(f"save: {s} {b}")
s, b = api("GET", "/api/v1/saved")
if [w["id"] for w in b["results"]] != [second]: fail(f"saved list: {b}")
seen, cursor = [], "0"
while cursor is not None:
    s, b = api("GET", f"/api/v1/feed?per_page=7&cursor={cursor}")
    seen += [i["work"]["id"] for i in b["results"]]
    cursor = b["meta"]["next_cursor"]
if len(seen) != len(set(seen)) or len(seen) != b["meta"]["count"]: fail(f"paging: {len(seen)} items, {len(set(seen))} distinct, count {b['meta']['count']}")
ok()

# The page, and its forms without JavaScript.
s, page, _ = call("GET", "/feed")
if '<span class="category"></span>' in page or "<time></time>" in page: fail("an item's meta line shows an empty category or date")
if s != 200 or "whom you follow" not in page or "Not relevant" not in page: fail("the /feed page lacks reasons or actions: " + str(s) + page[:3000])
s, _, h = call("POST", "/feed/mark", form={"csrf_token": csrf, "work": second, "mark": "dismissed", "next": "/feed?sort=date"})
if s != 303 or not h["Location"].endswith("/feed?sort=date"): fail(f"form mark: {s} {h.get('Location')}")
s, b = api("GET", "/api/v1/feed?per_page=100")
if second in [i["work"]["id"] for i in b["results"]]: fail("the form's dismissal did not take")
s, _, h = call("POST", "/feed/mark", form={"csrf_token": "wrong", "work": second, "mark": "saved"})
if s != 403: fail(f"form without the right token: {s}")
ok()

# The private Atom feed: valid XML, one entry per item, gone once revoked.
s, b = api("POST", "/api/v1/feed/atom-token", {}, csrf)
if s != 201: fail(f"atom token: {s} {b}")
atom_path = b["url"][len(base):]
s, text, h = call("GET", atom_path)
if s != 200 or "atom+xml" not in h["Content-Type"]: fail(f"atom: {s} {h.get('Content-Type')}")
root = ET.fromstring(text)
ns = {"a": "http://www.w3.org/2005/Atom"}
entries = root.findall("a:entry", ns)
if not entries or any(e.find("a:title", ns) is None or e.find("a:id", ns) is None or e.find("a:updated", ns) is None for e in entries):
    fail("Atom entries need a title, an id and an updated date")
s, b = api("DELETE", "/api/v1/feed/atom-token", None, csrf)
s, text, _ = call("GET", atom_path)
if s != 404: fail(f"a revoked Atom URL still answers {s}")
ok()
# The weekly digest: only for a verified email; one mail a week with the week's best works.
def mails_to(email):
    out = []
    for f in sorted(glob.glob(os.path.join(data, "outbox", "*.eml"))):
        text = open(f, encoding="utf-8").read()
        if f"To: {email}" in text: out.append(text)
    return out
s, b = api("POST", "/api/v1/feed/digest", {"on": True}, csrf)
if s != 403 or "verify" not in b["error"]["message"]: fail(f"digest before verifying the email: {s} {b}")
found = None
for _ in range(50):  # mail goes out just after the answer
    found = [re.search(r"https?://\S+/verify\?token=[0-9a-f]+", m) for m in mails_to("reader@example.org")]
    found = [m for m in found if m]
    if found: break
    time.sleep(0.1)
if not found: fail("no verification mail")
link = found[-1].group(0)
if call("GET", link[len(base):])[0] != 200: fail("email verification")
s, b = api("POST", "/api/v1/feed/digest", {"on": True}, csrf)
if s != 200 or b["weekly_digest"] is not True: fail(f"digest on: {s} {b}")
s, week = api("GET", "/api/v1/feed?days=7&per_page=10")
if not week["results"]: fail("the fixture has no works in its last week")
before = len(mails_to("reader@example.org"))
run = subprocess.run([bzpeer, "feed", "digest", "--data", data, "--public-url", base], capture_output=True, text=True)
if run.returncode != 0 or "1 sent" not in run.stdout: fail(f"digest run: {run.stdout} {run.stderr}")
mails = mails_to("reader@example.org")
if len(mails) != before + 1: fail("no digest mail in the outbox")
titles = [r["work"]["title"] for r in week["results"]]
if not all(t in mails[-1] for t in titles): fail("the digest does not list the week's works of the feed")
run = subprocess.run([bzpeer, "feed", "digest", "--data", data, "--public-url", base], capture_output=True, text=True)
if "0 sent" not in run.stdout or len(mails_to("reader@example.org")) != before + 1: fail(f"a second digest within the week: {run.stdout}")
ok()
print(f"feed: {passed} passed, 0 failed")
PY

#!/usr/bin/env bash
# End-to-end accounts over real HTTP on loopback: sign-up, verification through the
# outbox, login and its rate limit, CSRF, claims and disputes, follows, conversations,
# corrections reaching identity at the next build, moderation, password reset, and
# each refusal.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
ROOT=${2:?project root}
source "$(dirname "$0")/lib.sh"

build_seed_catalog
start_server "$WORK/data"

E2E_DIR=$(dirname "$0") python3 - "$BASE" "$WORK/data" "$BZPEER" <<'PY'
import glob, html, http.cookiejar, json, os, re, subprocess, sys, time, urllib.error, urllib.request
base, data, bzpeer = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.environ["E2E_DIR"])
import catalog_db
passed = 0

def fail(msg): sys.exit("FAIL: " + msg)

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs): return None

class Client:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect)
        self.csrf = None
    def call(self, method, path, body=None, csrf=True, form=None):
        headers = {}
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        else:
            data = json.dumps(body if body is not None else {}).encode() if method != "GET" else None
            headers["Content-Type"] = "application/json"
        if csrf and self.csrf: headers["X-CSRF-Token"] = self.csrf
        req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
        try:
            with self.opener.open(req) as r:
                raw = r.read().decode()
                return r.status, (json.loads(raw) if path.startswith("/api/") else raw), r.headers
        except urllib.error.HTTPError as e:
            raw = e.read().decode()
            return e.code, (json.loads(raw) if path.startswith("/api/") and raw else raw), e.headers

import urllib.parse

def expect(status, want, what):
    if status != want: fail(f"{what}: got {status}, expected {want}")

def mails_to(email):
    out = []
    for path in sorted(glob.glob(os.path.join(data, "outbox", "*.eml"))):
        text = open(path).read()
        if f"To: {email}" in text: out.append(text)
    return out

def link(email, kind):
    for _ in range(50):  # mail goes out just after the answer
        found = [re.search(rf"/{kind}\?token=([0-9a-f]+)", m) for m in mails_to(email)]
        found = [m.group(1) for m in found if m]
        if found: return found[-1]
        time.sleep(0.1)
    fail(f"no /{kind}?token= link mailed to {email}")

def signup(client, email, name, password="correct horse battery"):
    s, b, _ = client.call("POST", "/api/v1/signup", {"email": email, "password": password, "display_name": name})
    expect(s, 202, f"signup {email}")
    return b

def login(client, email, password="correct horse battery"):
    s, b, h = client.call("POST", "/api/v1/login", {"email": email, "password": password})
    expect(s, 200, f"login {email}")
    cookie = h.get("Set-Cookie", "")
    for attr in ("HttpOnly", "SameSite=Lax"):
        if attr not in cookie: fail(f"session cookie lacks {attr}: {cookie}")
    client.csrf = b["csrf_token"]

def notice(client, kind, words, link, mailed_to=None):
    """The newest notification of `kind` says `words` and links `link`; it was mailed too."""
    s, b, _ = client.call("GET", "/api/v1/notifications")
    expect(s, 200, "notifications")
    mine = [n for n in b["results"] if n["kind"] == kind]
    if not mine or words not in mine[0]["text"] or mine[0]["link"] != link:
        fail(f"no {kind} notification saying '{words}' with {link}: {b['results']}")
    if mailed_to:
        for _ in range(50):
            if any(words in m and base + link in m for m in mails_to(mailed_to)): break
            time.sleep(0.1)
        else:
            fail(f"the {kind} notice was not mailed to {mailed_to}")
    return mine[0]

alice, bob, carol = Client(), Client(), Client()
signup(alice, "alice@uni.example", "Alice Researcher")
signup(bob, "bob@example.org", "<script>alert(1)</script> Bob")
signup(carol, "carol@example.org", "Carol Moderator")
for who, c in (("alice@uni.example", alice), ("bob@example.org", bob)):
    s, _, _ = c.call("POST", "/api/v1/verify", {"token": link(who, "verify")})
    expect(s, 200, "verify")
    s, _, _ = c.call("POST", "/api/v1/verify", {"token": link(who, "verify")})
    expect(s, 400, "a verification link works once")
for bad, want in (({"email": "nope", "password": "correct horse battery", "display_name": "X"}, "email"),
                  ({"email": "x@example.org", "password": "short", "display_name": "X"}, "password"),
                  ({"email": "x@example.org", "password": "correct horse battery", "display_name": ""}, "display_name")):
    s, b, _ = Client().call("POST", "/api/v1/signup", bad)
    if s != 400 or want not in b["error"]["message"]: fail(f"signup with a bad {want}: {s} {b}")
s, b, _ = Client().call("POST", "/api/v1/signup", {"email": "ALICE@uni.example", "password": "correct horse battery", "display_name": "A"})
expect(s, 202, "a second sign-up with a taken email answers as a new one")
s2, b2, _ = Client().call("POST", "/api/v1/signup", {"email": "new@uni.example", "password": "correct horse battery", "display_name": "N"})
if b != b2: fail(f"a taken email and a new one get different answers: {b} / {b2}")
for _ in range(50):
    if any("already has one" in m for m in mails_to("alice@uni.example")): break
    time.sleep(0.1)
else: fail("the owner of the taken email was not told of the attempt")
if catalog_db.connect(data).execute("SELECT COUNT(*) FROM accounts WHERE email = 'alice@uni.example'").fetchone()[0] != 1:
    fail("a second account for the same email")
passed += 1

# Login: wrong password, then the rate limit.
for i in range(5):
    s, _, _ = Client().call("POST", "/api/v1/login", {"email": "carol@example.org", "password": "wrong password!"})
    expect(s, 401, "wrong password")
s, b, _ = Client().call("POST", "/api/v1/login", {"email": "carol@example.org", "password": "correct horse battery"})
expect(s, 429, "login after 5 failures")
for c, e in ((alice, "alice@uni.example"), (bob, "bob@example.org")): login(c, e)
passed += 1

# Refusals: no session, no or wrong CSRF token.
rid = json.loads(urllib.request.urlopen(base + "/api/v1/researchers?search=Han%20Hu").read())["results"][0]["id"]
anon = Client()
for method, path in (("POST", f"/api/v1/researchers/{rid}/claim"), ("POST", f"/api/v1/researchers/{rid}/follow"),
                     ("POST", "/api/v1/conversations"), ("GET", "/api/v1/conversations"), ("GET", "/api/v1/me")):
    s, b, _ = anon.call(method, path)
    expect(s, 401, f"{method} {path} without a session")
s, _, h = anon.call("GET", "/account")
if s not in (302, 303) or "/login" not in h.get("Location", ""): fail(f"/account without a session: {s} {h.get('Location')}")
saved = alice.csrf
alice.csrf = None
s, _, _ = alice.call("POST", f"/api/v1/researchers/{rid}/claim")
expect(s, 403, "claim without a CSRF token")
alice.csrf = "0" * 64
s, _, _ = alice.call("POST", f"/api/v1/researchers/{rid}/claim")
expect(s, 403, "claim with a wrong CSRF token")
alice.csrf = saved
s, _, _ = alice.call("POST", f"/researchers/{rid}/follow", form={"csrf_token": "bad", "follow": "1"}, csrf=False)
expect(s, 403, "a page form with a wrong CSRF token")
passed += 1

# Claims: unverified refused, L2, dispute, one claim per account.
s, b, _ = alice.call("POST", f"/api/v1/researchers/{rid}/claim", {"orcid": "0000-0002-1825-009X"})
if s != 400 or "orcid" not in b["error"]["message"]: fail(f"a malformed ORCID iD: {s} {b}")
s, b, _ = alice.call("POST", f"/api/v1/researchers/{rid}/claim")
expect(s, 201, "claim")
s, page, _ = Client().call("GET", f"/researchers/{rid}")
if "Log in to claim" in page: fail("a claimed profile still offers visitors to claim it")
for path in ("/signup", "/login", "/forgot"):
    s, page, _ = Client().call("GET", path)
    if 'role="alert"' in page or 'class="notice"' in page: fail(f"{path} shows an empty alert")
if b["verification_level"] not in ("L2", "L3"): fail(f"claim level {b}")
s, b, _ = bob.call("POST", f"/api/v1/researchers/{rid}/claim")
if s != 409 or not b.get("dispute_id"): fail(f"a second claimant: {s} {b}")
dispute = b["dispute_id"]
notice(alice, "dispute", "disputes your claim", f"/researchers/{rid}")
others = json.loads(urllib.request.urlopen(base + "/api/v1/researchers?search=Kai%20Han").read())["results"]
other_rid = others[0]["id"]
s, b, _ = alice.call("POST", f"/api/v1/researchers/{other_rid}/claim")
expect(s, 409, "a second researcher for one account")
r = json.loads(urllib.request.urlopen(base + f"/api/v1/researchers/{rid}").read())
if not r["claimed"] or r["verification_level"] != "L2" or r["trust"]["score"] < 40: fail(f"claimed profile {r['verification_level']} {r['trust']}")
passed += 1

# Follows.
s, b, _ = bob.call("POST", f"/api/v1/researchers/{rid}/follow")
expect(s, 200, "follow")
r = json.loads(urllib.request.urlopen(base + f"/api/v1/researchers/{rid}").read())
if r["followers_count"] != 1: fail("followers count after a follow")
s, b, _ = bob.call("POST", "/api/v1/topics/follow?id=" + urllib.parse.quote("topic:vision transformer"))
expect(s, 200, "follow a topic")
s, b, _ = bob.call("GET", "/api/v1/me")
if rid not in b["following"] or "topic:vision transformer" not in b["following"]: fail(f"following list {b['following']}")
s, b, _ = bob.call("DELETE", f"/api/v1/researchers/{rid}/follow")
if json.loads(urllib.request.urlopen(base + f"/api/v1/researchers/{rid}").read())["followers_count"] != 0: fail("unfollow")
passed += 1

# Conversations.
s, b, _ = bob.call("POST", "/api/v1/conversations", {"researcher_id": other_rid, "subject": "Hi", "message": "Hello"})
if s != 403 or "not claimed" not in b["error"]["message"]: fail(f"inviting an unclaimed researcher: {s} {b}")
subject = '<img src=x onerror="alert(2)"> Joint work?'
s, b, _ = bob.call("POST", "/api/v1/conversations", {"researcher_id": rid, "subject": subject, "message": "Shall we <b>talk</b>?"})
expect(s, 201, "invite")
cid = b["id"]
invitation = notice(alice, "invitation", "invited you to collaborate", f"/conversations/{cid}", "alice@uni.example")
if subject not in invitation["text"]: fail(f"the invitation notice lacks its subject: {invitation}")
s, page, _ = alice.call("GET", "/account")
if "invited you to collaborate" not in page or 'class="unread"' not in page: fail("the account page lacks the new invitation")
if "<img src=x" in page: fail("a notice rendered as HTML")
s, page, _ = alice.call("GET", "/account")
if 'class="unread"' in page: fail("notices shown once are still new")
s, b, _ = bob.call("POST", f"/api/v1/conversations/{cid}/messages", {"message": "ping"})
expect(s, 409, "messages before the researcher accepts")
s, _, _ = bob.call("POST", f"/api/v1/conversations/{cid}/accept")
expect(s, 403, "the inviter accepting their own invitation")
s, _, _ = alice.call("POST", f"/api/v1/conversations/{cid}/accept")
expect(s, 200, "accept")
notice(bob, "answer", "accepted your invitation", f"/conversations/{cid}", "bob@example.org")
s, _, _ = alice.call("POST", f"/api/v1/conversations/{cid}/messages", {"message": "Gladly."})
expect(s, 201, "reply")
notice(bob, "reply", "replied in", f"/conversations/{cid}", "bob@example.org")
s, _, _ = bob.call("POST", f"/api/v1/conversations/{cid}/messages", {"message": "Great, thanks"})
expect(s, 201, "reply back")
s, b, _ = bob.call("GET", f"/api/v1/conversations/{cid}")
if [m["body"] for m in b["messages"]] != ["Shall we <b>talk</b>?", "Gladly.", "Great, thanks"]: fail(f"messages {b['messages']}")
stranger = Client()
signup(stranger, "dave@example.org", "Dave")
login(stranger, "dave@example.org")
s, _, _ = stranger.call("GET", f"/api/v1/conversations/{cid}")
if s not in (403, 404): fail(f"a stranger reading a conversation: {s}")
s, _, _ = stranger.call("POST", f"/api/v1/conversations/{cid}/messages", {"message": "hi"})
if s not in (403, 404): fail(f"a stranger writing into a conversation: {s}")
s, page, _ = bob.call("GET", f"/conversations/{cid}")
expect(s, 200, "conversation page")
if "<script>alert(1)" in page or '<img src=x' in page or "<b>talk</b>" in page: fail("names, subjects or messages rendered as HTML")
if "&lt;script&gt;alert(1)&lt;/script&gt; Bob" not in page: fail("the sender's name is missing from the page")
s, _, _ = alice.call("PUT", f"/api/v1/researchers/{rid}/collaboration", {"open_to_collaborate": False})
expect(s, 200, "close to collaboration")
s, b, _ = stranger.call("POST", "/api/v1/conversations", {"researcher_id": rid, "subject": "Hi", "message": "Hello"})
if s != 403 or "verify your email" not in b["error"]["message"]: fail(f"an unverified account inviting: {s} {b}")
s, b, _ = bob.call("POST", "/api/v1/conversations", {"researcher_id": rid, "subject": "Hi", "message": "Hello"})
if s != 403 or "not open" not in b["error"]["message"]: fail(f"inviting a closed researcher: {s} {b}")
s, b, _ = bob.call("POST", f"/api/v1/conversations/{cid}/report", {"reason": "testing reports"})
expect(s, 201, "report")
passed += 1

# Corrections: only the claimant; removal applies at the next build.
works = json.loads(urllib.request.urlopen(base + f"/api/v1/works?filter=author.id:{rid}&per_page=200").read())["results"]
# A work the owner confirmed or removed has been checked: at once, before any build, it
# leaves the weak-evidence count and the ?check=weak list (its strength stays until then).
def weak_count(): return json.loads(urllib.request.urlopen(base + f"/api/v1/researchers/{rid}").read())["weak_works_count"]
doubtful = [w for w in works if w["attribution_strength"] == "weak"]
if len(doubtful) < 2: fail(f"the seed's claimed Han Hu has {len(doubtful)} weak works; the check below needs two")
weak_before = weak_count()
s, _, _ = alice.call("POST", f"/api/v1/researchers/{rid}/works/{doubtful[0]['id']}/confirm")
expect(s, 200, "confirm a weak work")
if weak_count() != weak_before - 1: fail(f"confirming a weak work left the weak count at {weak_count()} (was {weak_before})")
s, page, _ = alice.call("GET", f"/researchers/{rid}?check=weak")
listed = [html.unescape(t) for t in re.findall(r'<h3 class="title">(?:<a [^>]*>)?(.*?)(?:</a>)?</h3>', page)]
if doubtful[0]["title"] in listed or doubtful[1]["title"] not in listed:
    fail(f"the ?check=weak list does not drop the confirmed work, or drops another: {listed}")
removed = doubtful[1]
s, _, _ = bob.call("POST", f"/api/v1/researchers/{rid}/works/{removed['id']}/remove")
expect(s, 403, "a correction by someone else")
s, b, _ = alice.call("POST", f"/api/v1/researchers/{rid}/works/{removed['id']}/remove")
expect(s, 200, "remove a work")
if weak_count() != weak_before - 2: fail(f"the weak count after confirming one and removing one: {weak_count()}, was {weak_before}")
out = subprocess.run([bzpeer, "build", "--data", data], capture_output=True, text=True)
if "2 corrections applied" not in out.stdout: fail(f"build output: {out.stdout} {out.stderr}")
after = json.loads(urllib.request.urlopen(base + f"/api/v1/works?filter=author.id:{rid}&per_page=200").read())["results"]
if removed["id"] in [w["id"] for w in after]: fail("the removed work is still on the profile after the build")
kept = [w for w in after if w["id"] == doubtful[0]["id"]]
if not kept or kept[0]["attribution_strength"] != "confirmed": fail(f"the confirmed work after the build: {kept}")
if len(after) != len(works) - 1: fail(f"the profile went from {len(works)} to {len(after)} works")
r = json.loads(urllib.request.urlopen(base + f"/api/v1/researchers/{rid}").read())
if not r["claimed"]: fail("the claim did not stay with the researcher across the rebuild")
passed += 1

# "This record is also me": a namesake record the build kept apart joins alice's in one
# step, instead of one correction a work; at the next build its id redirects to hers.
def api(path): return json.loads(urllib.request.urlopen(base + path).read())
namesakes = [p for p in api("/api/v1/researchers?search=Han%20Hu")["results"]
             if p["id"] != rid and not p["claimed"] and p["display_name"] == "Han Hu"]
other = min(namesakes, key=lambda p: (p["works_count"], p["id"]))
# Her own profile lists the unclaimed records under her name, each one click to take in.
s, page, _ = alice.call("GET", f"/researchers/{rid}")
for p in namesakes[:10]:
    if f'action="/researchers/{p["id"]}/also-mine"' not in page: fail(f"the claimant's profile does not offer {p['id']}")
s, page, _ = Client().call("GET", f"/researchers/{rid}")
if "also-mine" in page: fail("a visitor is offered to take records in")
moved = sorted(w["external_id"] for w in api(f"/api/v1/works?filter=author.id:{other['id']}&per_page=200")["results"])
s, page, _ = alice.call("GET", f"/researchers/{other['id']}")
n = other["works_count"]
if f"Add its {n} work{'s' if n != 1 else ''} to my profile" not in page: fail("a claimant sees no way to take a namesake record's works")
s, page, _ = bob.call("GET", f"/researchers/{other['id']}")
if "to my profile" in page: fail("someone without a claim is offered to take a record's works")
s, _, _ = bob.call("POST", f"/api/v1/researchers/{rid}/works/from/{other['id']}")
expect(s, 403, "adding works to a record someone else claimed")
s, _, _ = alice.call("POST", f"/api/v1/researchers/{rid}/works/from/{rid}")
expect(s, 400, "adding a record's works to itself")
# Only records under a form of her name: identity would never join the others' works.
s, page, _ = alice.call("GET", f"/researchers/{other_rid}")
if "to my profile" in page: fail("a claimant is offered the works of a record under another name")
s, b, _ = alice.call("POST", f"/api/v1/researchers/{rid}/works/from/{other_rid}")
if s != 400 or "is not a form of yours" not in b["error"]["message"]: fail(f"adding a Kai Han record to a Han Hu: {s} {b}")
kai_work = next(w["id"] for w in api(f"/api/v1/works?filter=author.id:{other_rid}&per_page=200")["results"]
                if "Han Hu" not in w["authors"])
s, b, _ = alice.call("POST", f"/api/v1/researchers/{rid}/works/{kai_work}/add")
if s != 400 or "under a form of your name" not in b["error"]["message"]: fail(f"adding one Kai Han work to a Han Hu: {s} {b}")
s, _, h = alice.call("POST", f"/researchers/{other['id']}/also-mine", form={"csrf_token": alice.csrf}, csrf=False)
if s not in (302, 303) or not h.get("Location", "").endswith(f"/researchers/{rid}"): fail(f"also-mine: {s} {h.get('Location')}")
s, page, _ = alice.call("GET", f"/researchers/{rid}")
pending = f"{n} work{'s' if n != 1 else ''} you added from other records join{'s' if n == 1 else ''} this profile at the next build."
if pending not in page: fail(f"the claimant's profile does not say what joins at the next build: {pending!r}")
out = subprocess.run([bzpeer, "build", "--data", data], capture_output=True, text=True)
if out.returncode != 0: fail(f"build: {out.stderr}")
mine = sorted(w["external_id"] for w in api(f"/api/v1/works?filter=author.id:{rid}&per_page=200")["results"])
if not set(moved) <= set(mine): fail(f"{moved} did not join {rid} at the build")
s, _, h = Client().call("GET", f"/api/v1/researchers/{other['id']}")
if s != 301 or not h.get("Location", "").endswith(f"/api/v1/researchers/{rid}"): fail(f"the emptied record answers {s} {h.get('Location')}")
s, page, _ = alice.call("GET", f"/researchers/{rid}")
if "you added from other records" in page: fail("the notice of added works stays after they joined")
passed += 1

# Password reset: a single-use link; it also lifts the login limit on the email.
s, _, _ = Client().call("POST", "/api/v1/password-reset", {"email": "carol@example.org"})
expect(s, 202, "password reset request")
s, _, _ = Client().call("POST", "/api/v1/password-reset", {"email": "nobody@example.org"})
expect(s, 202, "a reset for an unknown email looks the same")
token = link("carol@example.org", "reset")
s, _, _ = Client().call("POST", "/api/v1/password-reset/confirm", {"token": token, "password": "a new strong password"})
expect(s, 200, "password reset")
s, _, _ = Client().call("POST", "/api/v1/password-reset/confirm", {"token": token, "password": "another password!"})
expect(s, 400, "a reset link works once")
login(carol, "carol@example.org", "a new strong password")
passed += 1

# Moderation: only moderators; reject the dispute, review to L4, close the report.
s, _, _ = bob.call("GET", "/api/v1/moderation/queue")
expect(s, 403, "the queue for a member")
subprocess.run([bzpeer, "accounts", "make-moderator", "--data", data, "carol@example.org"], check=True, capture_output=True)
s, q, _ = carol.call("GET", "/api/v1/moderation/queue")
expect(s, 200, "the moderation queue")
if dispute not in [d["id"] for d in q["disputes"]] or not q["reports"]: fail(f"queue {q}")
actions = {e["action"] for e in q["audit_log"]}
for a in ("claim", "dispute.open", "correction.remove", "report"):
    if a not in actions: fail(f"the audit log lacks {a}: {actions}")
s, _, _ = bob.call("POST", f"/api/v1/moderation/researchers/{rid}/review")
expect(s, 403, "a member granting L4")
s, _, _ = carol.call("POST", f"/api/v1/moderation/disputes/{dispute}", {"decision": "reject", "note": "the claimant has no corroboration"})
expect(s, 200, "reject a dispute")
notice(bob, "dispute", "rejected your dispute", f"/researchers/{rid}", "bob@example.org")
notice(alice, "dispute", "the record stays yours", f"/researchers/{rid}")
# Rejected: the record stays Alice's, Bob holds none, the dispute has left the queue.
s, me, _ = alice.call("GET", "/api/v1/me")
if (me.get("claim") or {}).get("researcher_id") != rid: fail(f"after the rejected dispute Alice's claim is {me.get('claim')}")
s, me, _ = bob.call("GET", "/api/v1/me")
if me.get("claim"): fail(f"after the rejected dispute Bob claims {me['claim']}")
s, q2, _ = carol.call("GET", "/api/v1/moderation/queue")
if dispute in [d["id"] for d in q2["disputes"]]: fail("the rejected dispute is still in the queue")
if "dispute.reject" not in {e["action"] for e in q2["audit_log"]}: fail("the rejection is not in the audit log")
s, _, _ = carol.call("POST", f"/api/v1/moderation/researchers/{rid}/review")
expect(s, 200, "grant L4")
notice(alice, "claim", "verified (L4)", f"/researchers/{rid}", "alice@uni.example")
r = json.loads(urllib.request.urlopen(base + f"/api/v1/researchers/{rid}").read())
if r["verification_level"] != "L4": fail(f"verification after review: {r['verification_level']}")
report_id = q['reports'][0]['id']
s, _, _ = carol.call("POST", f"/api/v1/moderation/reports/{report_id}", {"action": "dismiss"})
expect(s, 200, "close a report")
s, q3, _ = carol.call("GET", "/api/v1/moderation/queue")
if report_id in [r["id"] for r in q3["reports"]]: fail("the closed report is still in the queue")
if "report.dismiss" not in {e["action"] for e in q3["audit_log"]}: fail("closing the report is not in the audit log")
s, _, _ = carol.call("POST", f"/api/v1/moderation/reports/{report_id}", {"action": "dismiss"})
if s < 400: fail(f"a closed report closed again: {s}")
passed += 1
print(f"e2e accounts: {passed} passed, 0 failed")
PY

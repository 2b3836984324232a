#!/usr/bin/env python3
"""Two BZPEER servers on one store, as behind a load balancer: one signed-in user's
requests alternate between them, and each answers as if it had served all of them
(session, CSRF token, follows, saved works, logout, the login and reset rate limits).
Used by tests/e2e/two_servers_e2e.sh and scripts/cluster-demo --check.

  two_servers_check.py FIRST_URL SECOND_URL OUTBOX_DATA_DIR RESEARCHER_ID WORK_ID
"""
import glob, http.cookiejar, itertools, json, os, re, sys, time, urllib.error, urllib.request
first, second, data, rid, work = sys.argv[1:6]
work = "W" + work

def fail(msg): sys.exit("FAIL: " + msg)

# One browser: one cookie jar (cookies do not depend on the port), requests sent to the
# two servers in turn, as a round-robin balancer would.
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
servers = itertools.cycle([first, second])
csrf = None

def call(method, path, body=None, to=None):
    base = to or next(servers)
    headers = {"Content-Type": "application/json"}
    if csrf: headers["X-CSRF-Token"] = csrf
    data = json.dumps(body if body is not None else {}).encode() if method != "GET" else None
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with opener.open(req) as r:
            return r.status, json.loads(r.read() or b"{}"), base
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, (json.loads(raw) if raw else {}), base

def expect(got, want, what):
    status, body, base = got
    if status != want: fail(f"{what} on {base}: got {status} {body}, expected {want}")
    return body

def link(email, kind):
    for _ in range(50):  # mail goes out just after the answer
        for path in sorted(glob.glob(os.path.join(data, "outbox", "*.eml")), reverse=True):
            text = open(path).read()
            m = re.search(rf"/{kind}\?token=([0-9a-f]+)", text)
            if f"To: {email}" in text and m: return m.group(1)
        time.sleep(0.1)
    fail(f"no /{kind}?token= link mailed to {email}")

email, password = "ada@uni.example", "correct horse battery"
expect(call("POST", "/api/v1/signup", {"email": email, "password": password, "display_name": "Ada"}, to=first), 202, "sign-up")
expect(call("POST", "/api/v1/verify", {"token": link(email, "verify")}, to=second), 200, "verifying on the other server")

# Signed in on one server, known on the other; the CSRF token of one works on the other.
csrf = expect(call("POST", "/api/v1/login", {"email": email, "password": password}, to=first), 200, "login")["csrf_token"]
me = expect(call("GET", "/api/v1/me", to=second), 200, "the session on the other server")
if me.get("account", {}).get("email") != email: fail(f"/api/v1/me on the second server: {me}")
expect(call("POST", f"/api/v1/researchers/{rid}/follow", to=second), 200, "a follow on the second server")
expect(call("POST", "/api/v1/saved", {"work_id": work}, to=first), 201, "saving a work on the first")
for _ in range(4):  # every read, on either server, sees both writes
    status, me, base = call("GET", "/api/v1/me")
    if status != 200 or rid not in me.get("following", []): fail(f"{base} does not see the follow: {status} {me}")
    status, saved, base = call("GET", "/api/v1/saved")
    if status != 200 or [w["id"] for w in saved["results"]] != [work]: fail(f"{base} does not see the saved work: {saved}")
for base in (first, second):
    r = json.loads(urllib.request.urlopen(f"{base}/api/v1/researchers/{rid}").read())
    if r["followers_count"] != 1: fail(f"{base} counts {r['followers_count']} followers, not 1")
good_csrf, csrf = csrf, "0" * 64
expect(call("DELETE", f"/api/v1/researchers/{rid}/follow", to=second), 403, "a wrong CSRF token")
csrf = good_csrf

# Logging out on one server ends the session on both.
expect(call("POST", "/api/v1/logout", to=second), 200, "logout")
csrf = None
for base in (first, second):
    expect(call("GET", "/api/v1/me", to=base), 401, f"/api/v1/me after logging out on {second}")

# Failed logins count on both servers: five wrong passwords, sent in turn, lock the email
# on each (the sixth attempt, with the right password, is refused on both).
for i in range(5):
    expect(call("POST", "/api/v1/login", {"email": email, "password": f"wrong password {i}"}), 401, f"wrong password {i}")
for base in (first, second):
    expect(call("POST", "/api/v1/login", {"email": email, "password": password}, to=base), 429,
           "login after five failures spread over two servers")

# Reset requests from one client: the limit (20 an hour) holds across the servers.
for i in range(20):
    expect(call("POST", "/api/v1/password-reset", {"email": f"someone{i}@example.org"}), 202, f"reset request {i}")
for base in (first, second):
    expect(call("POST", "/api/v1/password-reset", {"email": "one.more@example.org"}, to=base), 429,
           "the 21st reset request")
print("two servers: session, CSRF, follows, saved works, logout and rate limits agree")

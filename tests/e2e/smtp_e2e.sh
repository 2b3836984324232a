#!/usr/bin/env bash
# Mail through SMTP: `serve --smtp` sends the verification mail to an SMTP server
# started here on loopback (tests/e2e/smtp_sink.py), logging in with the credentials
# from the environment, with proper headers and a working link; while the server is
# down a mail is kept in DATA/outbox/undelivered/; a URL that is not SMTP is refused.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

cat > "$WORK/works.jsonl" <<'JSON'
{"id":"2101.00001","title":"Masked image modeling","abstract":"We study masked image modeling.","update_date":"2021-01-01","categories":"cs.CV","authors_parsed":[["Hu","Han",""]]}
JSON
build_works_catalog

if "$BZPEER" serve --data "$WORK/data" --port 0 --smtp http://127.0.0.1:25 > "$WORK/bad.out" 2>&1; then
  fail "serve accepted --smtp http://"
fi
grep -q -- "--smtp must be smtp://" "$WORK/bad.out" || fail "the refusal does not name --smtp: $(cat "$WORK/bad.out")"

mkdir -p "$WORK/mail"
python3 "$(dirname "$0")/smtp_sink.py" "$WORK/mail" mailer s3cret > "$WORK/sink.port" &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 50); do [ -s "$WORK/sink.port" ] && break; sleep 0.1; done
SINK_PORT=$(cat "$WORK/sink.port")

export BZPEER_SMTP_USER=mailer BZPEER_SMTP_PASSWORD=s3cret BZPEER_SMTP_FROM=hello@bzpeer.test
start_server "$WORK/data" --smtp "smtp://127.0.0.1:$SINK_PORT"

python3 - "$BASE" "$WORK/mail" "$WORK/data" "$SINK_PID" <<'PY'
import glob, json, os, re, signal, sys, time, urllib.request
base, mail_dir, data, sink = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])

def post(path, body):
    req = urllib.request.Request(base + path, json.dumps(body).encode(), {"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req) as r: return r.status
    except urllib.error.HTTPError as e: return e.code

def wait_for(pattern, what):
    for _ in range(100):
        files = sorted(glob.glob(pattern))
        if files: return open(files[-1], encoding="utf-8", newline="").read()
        time.sleep(0.1)
    sys.exit(f"FAIL: {what}")

if post("/api/v1/signup", {"email": "zoe@example.org", "password": "a long enough password", "display_name": "Zoë Ångström"}) != 202:
    sys.exit("FAIL: sign-up")
mail = wait_for(os.path.join(mail_dir, "*.eml"), "no mail reached the SMTP server")
head, _, body = mail.partition("\r\n\r\n")
for want in ("X-Sink-User: mailer", "X-Sink-From: <hello@bzpeer.test>", "X-Sink-To: <zoe@example.org>",
             "From: BZPEER <hello@bzpeer.test>", "To: zoe@example.org", "Message-ID: <", "Date: ",
             "Content-Type: text/plain; charset=utf-8"):
    if want not in head: sys.exit(f"FAIL: the mail lacks '{want}':\n{head}")
if "Zoë Ångström" not in body: sys.exit("FAIL: the UTF-8 body was mangled: " + body[:200])
token = re.search(r"/verify\?token=([0-9a-f]+)", body)
if not token: sys.exit("FAIL: no verification link in the mail")
if post("/api/v1/verify", {"token": token.group(1)}) != 200: sys.exit("FAIL: the mailed link does not verify")
if glob.glob(os.path.join(data, "outbox", "*.eml")): sys.exit("FAIL: with --smtp, mail was also written to the outbox")

os.kill(sink, signal.SIGTERM)  # the relay goes down: the mail is kept, not lost
time.sleep(0.3)
if post("/api/v1/signup", {"email": "yann@example.org", "password": "a long enough password", "display_name": "Yann"}) != 202:
    sys.exit("FAIL: sign-up while the relay is down")
kept = wait_for(os.path.join(data, "outbox", "undelivered", "*.eml"), "a mail the relay did not take was lost")
if "To: yann@example.org" not in kept: sys.exit("FAIL: the kept mail is not Yann's")
print("smtp: 4 passed, 0 failed")
PY

#!/usr/bin/env bash
# 200 connections that send nothing or trickle a byte at a time must not stop the
# server (8 workers) from answering everyone else; one address cannot open more than
# its share; and a connection whose request never arrives is closed at the deadline.
set -euo pipefail
BZPEER=${1:?path to bzpeer}
source "$(dirname "$0")/lib.sh"

cat > "$WORK/works.jsonl" <<'JSON'
{"id":"2101.00001","title":"Masked image modeling","abstract":"We study it.","update_date":"2021-01-01","categories":"cs.CV","authors_parsed":[["Hu","Han",""]]}
JSON
build_works_catalog
start_server "$WORK/data" --threads 8 --request-timeout 4 --connections-per-client 64

python3 - "$BASE" <<'PY'
import select, socket, sys, threading, time, urllib.request
base = sys.argv[1]
host, port = base[len("http://"):].split(":")
port = int(port)
def fail(msg): sys.exit("FAIL: " + msg)

def connect(source):
    s = socket.socket()
    s.bind((source, 0))
    s.connect((host, port))
    return s

# 200 slow clients from four addresses (50 each, under the per-address cap): half
# silent, half sending a request head one byte every half second.
slow = [connect(f"127.0.0.{2 + i % 4}") for i in range(200)]
head = b"GET /api/v1/works HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 100
stop = False
def trickle():
    k = 0
    while not stop:
        for s in slow[1::2]:
            try: s.send(head[k % len(head):k % len(head) + 1])
            except OSError: pass
        k += 1
        time.sleep(0.5)
t = threading.Thread(target=trickle, daemon=True)
t.start()
time.sleep(0.5)

answered = 0
for i in range(20):
    try:
        with urllib.request.urlopen(base + "/api/v1/works?per_page=1", timeout=3) as r:
            answered += r.status == 200
    except Exception as e:
        fail(f"request {i} was not answered while 200 slow connections were open: {e}")
if answered != 20: fail(f"{answered} of 20 answered")

# One address gets 64 connections; the 65th and later are closed at once.
crowd = [connect("127.0.0.9") for _ in range(70)]
time.sleep(0.5)
readable, _, _ = select.select(crowd, [], [], 0.5)  # the refused ones see their end at once
refused = 0
for s in readable:
    try:
        if s.recv(1, socket.MSG_DONTWAIT) == b"": refused += 1
    except BlockingIOError: pass
    except OSError: refused += 1
if refused != 6: fail(f"{refused} of 70 connections from one address were refused, wanted 6 (cap 64)")
for s in crowd: s.close()

# The slow ones are closed once their 4 s to send a request have passed.
time.sleep(4.5)
stop = True
closed = 0
for s in slow[::2]:
    s.settimeout(1)
    try:
        if s.recv(1) == b"": closed += 1
    except OSError: closed += 1
if closed != 100: fail(f"{closed} of 100 silent connections were closed after their deadline")
with urllib.request.urlopen(base + "/api/v1/works?per_page=1", timeout=3) as r:
    if r.status != 200: fail("the server does not answer after the slow clients")
print("slow clients: 4 passed, 0 failed")
PY

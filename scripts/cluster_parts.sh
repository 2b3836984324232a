# Sourced by the scripts that run the product's processes on loopback: servers, search
# shards served by xapian-tcpsrv, and partitioned-build workers (scripts/cluster-demo,
# scripts/soak, bench/run, tests/e2e/cluster_bzpeer.sh and the end-to-end library).

# A free TCP port on 127.0.0.1.
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Waits up to 10 s for something to listen on PORT; fails, saying so, otherwise.
wait_for_port() {
  python3 - "$1" <<'PY'
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close(); sys.exit(0)
    except OSError: time.sleep(0.1)
sys.exit("nothing listens on port " + sys.argv[1])
PY
}

# The live works index directory of the data directory DATA (its shards are shard-*).
works_index_dir() { echo "$1/search/$(awk '$1 == "works" {print $2}' "$1/search/CURRENT")"; }

# start_shard_server PORT SHARD_DIR LOG: serves one shard, sets SHARD_SERVER_PID, and
# returns once it listens. In a session of its own: xapian-tcpsrv signals its whole
# process group when it is stopped.
start_shard_server() {
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$1" "$2" > "$3" 2>&1 &
  SHARD_SERVER_PID=$!
  wait_for_port "$1"
}

# start_build_worker LOG BZPEER BUILD_ARGS...: starts `BZPEER build BUILD_ARGS... --worker`,
# sets BUILD_WORKER_PID, and returns once the worker waits for a run, so a partitioned
# build started next is one it sees (a run that began and ended before the worker first
# looked would leave it waiting out its --wait).
start_build_worker() {
  local log=$1 bzpeer=$2; shift 2
  "$bzpeer" build "$@" --worker > "$log" 2>&1 &
  BUILD_WORKER_PID=$!
  for _ in $(seq 600); do
    grep -q "^worker: waiting" "$log" 2>/dev/null && return 0
    kill -0 "$BUILD_WORKER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the build worker did not start: $(cat "$log")" >&2
  return 1
}

# start_serve LOG BZPEER SERVE_ARGS...: starts `BZPEER serve SERVE_ARGS...` (--port 0 for a
# free port), sets SERVE_PID, and once it listens SERVE_URL (its address, which it
# prints); fails, with the server's words, when it does not start within 10 s.
start_serve() {
  local log=$1 bzpeer=$2; shift 2
  # Emptied here, not only by the background job's redirection, which may come after the
  # wait below has read a previous server's address from the same file.
  : > "$log"
  "$bzpeer" serve "$@" > "$log" 2>&1 &
  SERVE_PID=$!
  SERVE_URL=""
  for _ in $(seq 100); do
    SERVE_URL=$(grep -o 'http://[0-9.]*:[0-9]*' "$log" 2>/dev/null) && return 0
    kill -0 "$SERVE_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start: $(cat "$log")" >&2
  return 1
}

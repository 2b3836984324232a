# Sourced by the scripts that serve search shards through xapian-tcpsrv on loopback
# (scripts/cluster-demo, tests/e2e/cluster_bzpeer.sh, tests/e2e/search_shards_e2e.sh).

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

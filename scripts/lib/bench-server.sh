# Sourced by the bench scripts (scripts/bench-synthetic, scripts/bench-webrtc-compare): a release
# `sfu serve` with one worker on a loopback port it picks, its limits raised for hundreds of
# peers from one address, and a stop that a cleanup trap can rely on.

# Stops background process $1 (if set). Each step may fail (the process already gone, `wait`
# returning the killed process's 143): none may end the caller's cleanup under `set -e`, or the
# server would be left running.
stop() {
    if [[ -n "${1:-}" ]]; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}

# Starts binary $1 as `sfu serve` with its config and log in directory $2; sets `server` (its
# pid) and `url` (its signaling URL). Returns non-zero, with the log, if it did not come up.
start_bench_server() {
    local sfu=$1 work=$2 addr=""
    cat >"$work/sfu.toml" <<TOML
listen = "127.0.0.1:0"
workers = 1
[rtc]
port_min = 20000
port_max = 59999
[limits]
max_connections_per_ip = 10000
new_connections_per_ip_per_sec = 10000
new_connections_burst_per_ip = 10000
max_peers_per_room = 10000
TOML
    "$sfu" serve --config "$work/sfu.toml" 2>"$work/serve.log" &
    server=$!
    for _ in $(seq 100); do
        addr="$(sed -n 's/.*sfu serving on http:\/\/\([^/ ]*\).*/\1/p' "$work/serve.log" | head -1)"
        [[ -n "$addr" ]] && break
        sleep 0.1
    done
    [[ -n "$addr" ]] || { cat "$work/serve.log" >&2; return 1; }
    url="ws://$addr/ws"
}

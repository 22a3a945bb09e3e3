#!/usr/bin/env bash
# Starts a local coturn (Debian's `coturn` package) configured for TURN REST credentials, the
# scheme sfu hands out: coturn's use-auth-secret with the same static-auth-secret as sfu's
# turn.secret. For development and the relay tests; loopback only unless told otherwise.
#
# usage: scripts/coturn.sh --secret SECRET [--listen IP] [--port PORT] [--relay-ports MIN-MAX]
#                          [--realm REALM] [--dir DIR] [--foreground]
# Without --foreground it daemonizes, writes DIR/turnserver.pid and DIR/turnserver.log, and
# prints the pid. Stop it with: kill "$(cat DIR/turnserver.pid)".
set -euo pipefail
secret="" listen=127.0.0.1 port=3478 relay=49160-49200 realm=sfu.local dir="" foreground=0
while (($#)); do
    case "$1" in
        --secret) secret=$2; shift 2 ;;
        --listen) listen=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --relay-ports) relay=$2; shift 2 ;;
        --realm) realm=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --foreground) foreground=1; shift ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "coturn.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ -n "$secret" ] || { echo "coturn.sh: --secret is required (the same value as sfu's turn.secret)" >&2; exit 2; }
[[ $relay =~ ^([0-9]+)-([0-9]+)$ ]] || { echo "coturn.sh: --relay-ports $relay is not MIN-MAX" >&2; exit 2; }
min=${BASH_REMATCH[1]} max=${BASH_REMATCH[2]}
command -v turnserver >/dev/null || { echo "coturn.sh: turnserver not found; install Debian's coturn (scripts/setup does)" >&2; exit 1; }
dir=${dir:-$(mktemp -d -t sfu-coturn.XXXXXX)}
mkdir -p "$dir"

conf="$dir/turnserver.conf"
cat > "$conf" <<EOT
# Written by scripts/coturn.sh
listening-ip=$listen
relay-ip=$listen
listening-port=$port
min-port=$min
max-port=$max
realm=$realm
# TURN REST API credentials: username "expiry:uid", password base64(HMAC-SHA1(secret, username)).
use-auth-secret
static-auth-secret=$secret
fingerprint
no-cli
no-tls
no-dtls
no-multicast-peers
pidfile=$dir/turnserver.pid
EOT
if [ "$listen" = 127.0.0.1 ] || [ "$listen" = ::1 ]; then
    # Local tests relay to peers on loopback, which coturn refuses by default.
    echo "allow-loopback-peers" >> "$conf"
fi

if ((foreground)); then
    exec turnserver -c "$conf" --log-file=stdout
fi
turnserver -c "$conf" --log-file="$dir/turnserver.log" --simple-log -o
for _ in $(seq 50); do
    [ -s "$dir/turnserver.pid" ] && break
    sleep 0.1
done
[ -s "$dir/turnserver.pid" ] || { echo "coturn.sh: turnserver did not start; see $dir/turnserver.log" >&2; exit 1; }
echo "coturn listening on $listen:$port (relay $relay), pid $(cat "$dir/turnserver.pid"), dir $dir"

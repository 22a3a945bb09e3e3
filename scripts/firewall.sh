#!/usr/bin/env bash
# Prints an nftables table for an sfu host: input policy drop, except loopback, established
# traffic, ICMP, SSH, the signaling port (TCP), the media port range (UDP and TCP: the workers'
# WebRtcServers), and optionally a TURN server's ports. It only prints; review, then load with
# `scripts/firewall.sh ... | sudo nft -f -`.
#
# usage: scripts/firewall.sh [--signaling PORT] [--rtc-ports MIN-MAX] [--ssh PORT] [--turn PORT] [--turn-relay MIN-MAX]
# Defaults match `sfu serve`'s defaults: 8080, 10000-10100, SSH 22, no TURN.
set -euo pipefail
signaling=8080 rtc=10000-10100 ssh=22 turn="" relay=""
while (($#)); do
    case "$1" in
        --signaling) signaling=$2; shift 2 ;;
        --rtc-ports) rtc=$2; shift 2 ;;
        --ssh) ssh=$2; shift 2 ;;
        --turn) turn=$2; shift 2 ;;
        --turn-relay) relay=$2; shift 2 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "firewall.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
port_ok() { [[ $1 =~ ^[0-9]+$ ]] && ((1 <= $1 && $1 <= 65535)); }
range_ok() {
    [[ $1 =~ ^([0-9]+)-([0-9]+)$ ]] || return 1
    local lo=${BASH_REMATCH[1]} hi=${BASH_REMATCH[2]}
    port_ok "$lo" && port_ok "$hi" && ((lo <= hi))
}
port_ok "$ssh" || { echo "firewall.sh: --ssh $ssh is not a port (1-65535)" >&2; exit 2; }
port_ok "$signaling" || { echo "firewall.sh: --signaling $signaling is not a port (1-65535)" >&2; exit 2; }
range_ok "$rtc" || { echo "firewall.sh: --rtc-ports $rtc is not a range MIN-MAX of ports with MIN <= MAX" >&2; exit 2; }
[ -z "$turn" ] || port_ok "$turn" || { echo "firewall.sh: --turn $turn is not a port" >&2; exit 2; }
[ -z "$relay" ] || range_ok "$relay" || { echo "firewall.sh: --turn-relay $relay is not a range MIN-MAX" >&2; exit 2; }

cat <<EOT
# sfu: signaling $signaling/tcp, media $rtc udp+tcp${turn:+, TURN $turn udp+tcp}${relay:+, TURN relay $relay/udp}
table inet sfu {
    chain input {
        type filter hook input priority 0; policy drop;
        iif lo accept
        ct state established,related accept
        ct state invalid drop
        meta l4proto { icmp, ipv6-icmp } accept
        tcp dport $ssh accept comment "SSH"
        tcp dport $signaling accept comment "sfu signaling (HTTP/WS or HTTPS/WSS)"
        udp dport $rtc accept comment "sfu media (WebRtcServer UDP)"
        tcp dport $rtc accept comment "sfu media (WebRtcServer TCP)"
EOT
if [ -n "$turn" ]; then
    echo "        udp dport $turn accept comment \"TURN\""
    echo "        tcp dport $turn accept comment \"TURN over TCP\""
fi
if [ -n "$relay" ]; then
    echo "        udp dport $relay accept comment \"TURN relay ports\""
fi
cat <<EOT
    }
}
EOT

#!/usr/bin/env python3
"""A reference external recommender for sfu (`[feed] recommender = "external"`).

The server POSTs one JSON question per feed decision (docs/recommendation.md has the schema):
the viewer (uid, room, recent history, favour/mute, recent signals) and the candidate
utterances with their features. This service answers `{"utterance": <id>}` or
`{"utterance": null}` (nothing suits: the feed waits for the next speech onset).

Its policy is deliberately small and readable, a starting point for a real model:

- hard rules: never the viewer's own voice, never a muted speaker, never an utterance the
  viewer heard recently;
- favoured speakers first;
- then the speaker the viewer's signals rate best: +1 for each utterance finished or liked,
  -1 for each skipped within 3 s (-0.5 later), 0 for speakers not heard yet (so they get tried
  before the ones the viewer skips);
- ties go to live utterances, then to the freshest.

Standard library only. Run: `python3 tools/recommender/reference.py --port 8700`, then start
`sfu serve --config FILE` with:

    [feed]
    recommender = "external"
    external_url = "http://127.0.0.1:8700/recommend"

`--misbehave` makes it answer slowly, fail or name utterances that do not exist, so the server's
fallback to its learning recommender can be seen (the tests use it).
"""

import argparse
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MAX_BODY = 8 << 20
QUICK_SKIP_MS = 3000


def taste(signals):
    """Per speaker uid, how much the viewer's recent signals say it likes them."""
    score = {}
    for s in signals:
        delta = {
            "finished": 1.0,
            "liked": 1.0,
            "skipped": -1.0 if s.get("afterMs", 0) < QUICK_SKIP_MS else -0.5,
        }.get(s["kind"], 0.0)
        score[s["speaker"]] = score.get(s["speaker"], 0.0) + delta
    return score


def choose(question):
    """The id of the utterance the viewer should hear next, or None."""
    viewer = question["viewer"]
    heard = set(viewer.get("history", []))
    muted = set(viewer.get("mute", []))
    favour = set(viewer.get("favour", []))
    rating = taste(viewer.get("signals", []))
    eligible = [
        c
        for c in question["candidates"]
        if c["speakerUid"] != viewer["uid"] and c["speakerUid"] not in muted and c["id"] not in heard
    ]
    if not eligible:
        return None
    best = max(
        eligible,
        key=lambda c: (
            c["speakerUid"] in favour,
            rating.get(c["speakerUid"], 0.0),
            c["live"],
            -c["ageMs"],
        ),
    )
    return best["id"]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the server reuses its connections
    misbehave = None
    delay = 0.0

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        if not 0 < length <= MAX_BODY:
            return self.reply(400, {"error": f"Content-Length {length} is not 1..{MAX_BODY}"})
        try:
            question = json.loads(self.rfile.read(length))
            answer = choose(question)
        except (ValueError, KeyError, TypeError) as e:
            return self.reply(400, {"error": f"not a question: {e}"})
        if self.misbehave == "slow":
            time.sleep(self.delay)
        elif self.misbehave == "fail":
            return self.reply(500, {"error": "failing on purpose (--misbehave fail)"})
        elif self.misbehave == "stranger":
            answer = 2**53  # an id that is not a candidate
        self.reply(200, {"utterance": answer})

    def reply(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8700, help="0 picks a free port")
    p.add_argument("--misbehave", choices=["slow", "fail", "stranger"])
    p.add_argument("--delay-ms", type=int, default=500, help="with --misbehave slow")
    a = p.parse_args()
    Handler.misbehave = a.misbehave
    Handler.delay = a.delay_ms / 1000
    server = ThreadingHTTPServer((a.host, a.port), Handler)
    server.daemon_threads = True
    print(f"listening on {a.host}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""A Twinning webhook receiver: checks each delivery's Standard Webhooks v1 signature, ignores repeats
(the same webhook-id comes again when a delivery is retried), prints one JSON line per event and can run a
command for it, such as a static site's rebuild. Python 3.9+, standard library only.

    python3 receiver.py --secret whsec_... [--port 9000] [--run 'npm run build'] [--events page.,city.]

Answers 204 for a verified delivery and 401 otherwise; a command runs in the background, and changes that
arrive while it runs make it run once more afterwards, not once per change.
"""
import argparse
import base64
import hashlib
import hmac
import json
import subprocess
import sys
import threading
import time
from collections import OrderedDict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOLERANCE_SECONDS = 300  # refuse deliveries whose timestamp is further off: replays


def verify(secret, headers, body):
    """True when one of the signatures is HMAC-SHA256 of "{id}.{timestamp}.{body}" keyed with the secret."""
    msg_id, timestamp, signatures = (headers.get(name) for name in
                                     ("webhook-id", "webhook-timestamp", "webhook-signature"))
    if not (msg_id and timestamp and signatures and timestamp.isdigit()):
        return False
    if abs(time.time() - int(timestamp)) > TOLERANCE_SECONDS:
        return False
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, s[3:]) for s in signatures.split() if s.startswith("v1,"))


class Rebuild:
    """Runs the command once at a time; requests during a run make one more run afterwards."""

    def __init__(self, command):
        self.command, self.lock, self.running, self.again = command, threading.Lock(), False, False

    def request(self):
        with self.lock:
            if self.running:
                self.again = True
                return
            self.running = True
        threading.Thread(target=self._loop, daemon=True).start()

    def _loop(self):
        while True:
            subprocess.run(self.command, shell=True)
            with self.lock:
                if not self.again:
                    self.running = False
                    return
                self.again = False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--secret", required=True, help="the whsec_… secret the registration answered")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--run", help="a shell command to run for matching events, e.g. 'npm run build'")
    parser.add_argument("--events", default="", help="comma-separated type prefixes that trigger --run (default all)")
    parser.add_argument("--log", help="also append each event, with its receipt time, to this file")
    args = parser.parse_args()
    rebuild = Rebuild(args.run) if args.run else None
    prefixes = [p for p in args.events.split(",") if p]
    seen = OrderedDict()  # recent webhook-ids: a retried delivery is acknowledged but not acted on twice
    seen_lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            received = time.time()
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if not verify(args.secret, self.headers, body):
                self.send_response(401)
                self.end_headers()
                return
            with seen_lock:
                repeat = self.headers["webhook-id"] in seen
                seen[self.headers["webhook-id"]] = True
                while len(seen) > 10000:
                    seen.popitem(last=False)
            self.send_response(204)
            self.end_headers()
            if repeat:
                return
            event = json.loads(body)
            line = json.dumps({"receivedAt": received, "webhookId": self.headers["webhook-id"], **event})
            print(line, flush=True)
            if args.log:
                with seen_lock, open(args.log, "a") as log:
                    log.write(line + "\n")
            if rebuild and (not prefixes or any(event["type"].startswith(p) for p in prefixes)):
                rebuild.request()

        def log_message(self, *_):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"listening on http://127.0.0.1:{args.port}/", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

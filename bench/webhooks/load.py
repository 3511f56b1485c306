#!/usr/bin/env python3
"""Webhook benchmark driver (bench/webhook-benchmark.sh runs it against a started app).

Latency: registers an endpoint for city.created served by receiver.py, creates CHANGES draft cities one after
another and measures, per city, from the answer to its POST (the change has committed) to the receipt of its
event. Throughput: pauses the endpoint, queues BACKLOG deliveries straight into the outbox, resumes it and
measures how fast the outbox drains into the receiver.
"""
import base64
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

BASE = os.environ["BASE"]
AUTH = "Basic " + base64.b64encode(f"{os.environ['ADMIN']}:{os.environ['ADMIN_PASSWORD']}".encode()).decode()
CHANGES = int(os.environ.get("CHANGES", "1000"))
BACKLOG = int(os.environ.get("BACKLOG", "5000"))
RECEIVER_PORT = int(os.environ.get("RECEIVER_PORT", "8097"))
WORK = os.environ["WORK"]
HERE = os.path.dirname(os.path.abspath(__file__))


def call(method, path, body=None, content_type="application/json"):
    request = urllib.request.Request(BASE + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": AUTH, "Content-Type": content_type})
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def received(log):
    try:
        with open(log) as f:
            return [json.loads(line) for line in f]
    except FileNotFoundError:
        return []


def wait_for(log, count, timeout):
    deadline = time.time() + timeout
    while time.time() < deadline:
        events = received(log)
        if len(events) >= count:
            return events
        time.sleep(0.05)
    sys.exit(f"only {len(received(log))} of {count} events arrived within {timeout} s")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    log = os.path.join(WORK, "received.jsonl")
    hook = call("POST", "/api/v1/webhooks", {"url": f"http://127.0.0.1:{RECEIVER_PORT}/hook", "events": ["city.created"]})
    receiver = subprocess.Popen([sys.executable, os.path.join(HERE, "receiver.py"), "--secret", hook["secret"],
                                 "--port", str(RECEIVER_PORT), "--log", log],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    receiver.stderr.readline()  # "listening on ..."
    try:
        # warm-up: the JIT compiles the write and delivery paths
        for i in range(100):
            call("POST", "/api/v1/cities", {"name": f"Warm-up {i}", "country": "LV"})
        wait_for(log, 100, 60)
        committed = {}
        for i in range(CHANGES):
            city = call("POST", "/api/v1/cities", {"name": f"Benchmark {i}", "country": "LV"})
            committed[city["id"]] = time.time()
        events = wait_for(log, 100 + CHANGES, 120)
        latencies = [(e["receivedAt"] - committed[e["data"]["id"]]) * 1000 for e in events if e["data"]["id"] in committed]
        print(f"latency {len(latencies)} {statistics.median(latencies):.1f} {percentile(latencies, 99):.1f} "
              f"{max(latencies):.1f}")

        call("PATCH", f"/api/v1/webhooks/{hook['id']}", {"enabled": False}, "application/merge-patch+json")
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-c",
                        f"insert into webhook_deliveries (webhook_id, message_id, event, payload)"
                        f" select {hook['id']}, 'msg_backlog_' || i, 'city.created',"
                        f" json_build_object('type', 'city.created', 'timestamp', now(),"
                        f" 'data', json_build_object('collection', 'city', 'id', 1000000 + i))::text"
                        f" from generate_series(1, {BACKLOG}) i"], check=True)
        before = len(received(log))
        started = time.time()
        call("PATCH", f"/api/v1/webhooks/{hook['id']}", {"enabled": True}, "application/merge-patch+json")
        wait_for(log, before + BACKLOG, 600)
        seconds = time.time() - started
        print(f"throughput {BACKLOG} {seconds:.1f} {BACKLOG / seconds:.0f}")
    finally:
        receiver.terminate()


if __name__ == "__main__":
    main()

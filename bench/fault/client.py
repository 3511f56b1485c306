#!/usr/bin/env python3
"""HTTP side of bench/fault-test.sh (standard library only).

Subcommands (all write one JSON document to --out, or stdout when --out is absent):

  probe    --url U --count N            N sequential GETs: statuses, content types, Retry-After, latencies
  load     --base B --page P ...        concurrent vote POSTs, sequential staff PATCHes and a readiness
                                        sampler for --duration seconds; every request recorded
  inflight --base B --page P ...        a batch of concurrent requests (votes, admin exports, survey reads),
                                        each on its own connection; the results once all have ended
  analyze  --load F --events F          figures of a load run against the times of the database faults

Every request carries an X-Request-Id of the form ft-<kind>-<worker>-<n>, which the app echoes and logs,
so that an unexpected answer can be found in the app log.
"""
import argparse
import base64
import http.client
import json
import sys
import threading
import time
import urllib.parse

TIMEOUT = 30.0
RATINGS = ["VERY_SATISFIED", "SATISFIED", "AVERAGE", "UNSATISFIED", "VERY_UNSATISFIED"]


def split(base):
    parsed = urllib.parse.urlsplit(base)
    return parsed.hostname, parsed.port


class Client:
    """One keep-alive connection; reconnects after a transport error (which is recorded, never retried)."""

    def __init__(self, base, timeout=TIMEOUT):
        self.host, self.port = split(base)
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        started = time.time()
        record = {"method": method, "path": path, "start": started}
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=headers or {})
            response = self.conn.getresponse()
            data = response.read()
            record.update(status=response.status,
                          contentType=response.getheader("Content-Type"),
                          retryAfter=response.getheader("Retry-After"),
                          body=data.decode("utf-8", "replace")[:2000])
            if response.getheader("Connection", "").lower() == "close":
                self.close()
        except Exception as error:  # a reset, a refused connection, a timeout: status 0
            record.update(status=0, error=f"{type(error).__name__}: {error}")
            self.close()
        record["end"] = time.time()
        record["latency"] = record["end"] - started
        return record

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
            self.conn = None


def basic(credentials):
    return "Basic " + base64.b64encode(credentials.encode()).decode()


def dump(document, out):
    text = json.dumps(document, indent=1)
    if out:
        with open(out, "w") as f:
            f.write(text)
    else:
        print(text)


def probe(args):
    parsed = urllib.parse.urlsplit(args.url)
    client = Client(args.url, timeout=10)
    path = parsed.path + ("?" + parsed.query if parsed.query else "")
    results = []
    for n in range(args.count):
        record = client.request("GET", path, headers={"X-Request-Id": f"ft-probe-0-{n}", "Accept": "application/json"})
        if n:
            record.pop("body", None)
        results.append(record)
    client.close()
    latencies = [r["latency"] for r in results]
    dump({"results": results, "maxLatency": max(latencies), "statuses": sorted({r["status"] for r in results}),
          "contentTypes": sorted({str(r.get("contentType")) for r in results}),
          "retryAfter": sorted({str(r.get("retryAfter")) for r in results}), "body": results[0].get("body")}, args.out)


def load(args):
    deadline = time.time() + args.duration
    votes, edits, ready = [], [], []
    lock = threading.Lock()

    def voter(worker):
        client = Client(args.base)
        n = 0
        while time.time() < deadline:
            rating = RATINGS[(worker + n) % len(RATINGS)]
            record = client.request("POST", f"/api/v1/pages/{args.page}/votes",
                                    body=json.dumps({"rating": rating}),
                                    headers={"Content-Type": "application/json", "Accept": "application/json",
                                             "X-Request-Id": f"ft-vote-{worker}-{n}"})
            record["id"] = f"ft-vote-{worker}-{n}"
            if record["status"] == 201:
                record.pop("body", None)
            with lock:
                votes.append(record)
            n += 1
        client.close()

    def editor():
        client = Client(args.base)
        n = 0
        while time.time() < deadline:
            value = args.edit_base + n
            # published at once, so that the public GET the check makes shows the edit
            record = client.request("PATCH", f"/api/v1/cities/{args.city}?publish=true",
                                    body=json.dumps({"population": value}),
                                    headers={"Content-Type": "application/merge-patch+json",
                                             "Accept": "application/json",
                                             "Authorization": basic(args.admin),
                                             "X-Request-Id": f"ft-edit-0-{n}"})
            record.update(id=f"ft-edit-0-{n}", value=value)
            if 200 <= record["status"] < 300:
                record.pop("body", None)
            edits.append(record)
            n += 1
            time.sleep(args.edit_interval)
        client.close()

    def sampler():
        client = Client(args.base, timeout=10)
        while time.time() < deadline:
            record = client.request("GET", "/q/health/ready", headers={"X-Request-Id": "ft-ready"})
            ready.append({"t": record["start"], "status": record["status"], "latency": record["latency"]})
            time.sleep(0.5)
        client.close()

    threads = [threading.Thread(target=voter, args=(w,)) for w in range(args.workers)]
    threads.append(threading.Thread(target=editor))
    threads.append(threading.Thread(target=sampler))
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    dump({"started": started, "ended": time.time(), "votes": votes, "edits": edits, "ready": ready}, args.out)


def inflight(args):
    jobs = []
    for n in range(args.votes):
        jobs.append(("POST", f"/api/v1/pages/{args.page}/votes", json.dumps({"rating": RATINGS[n % 5]}),
                     {"Content-Type": "application/json"}, f"ft-drain-vote-{n}"))
    for n in range(args.exports):
        jobs.append(("GET", "/api/v1/export", None, {"Authorization": basic(args.admin)}, f"ft-drain-export-{n}"))
    for n in range(args.surveys):
        jobs.append(("GET", f"/api/v1/pages/{args.page}/survey", None, {}, f"ft-drain-survey-{n}"))
    results = [None] * len(jobs)

    def run(index):
        method, path, body, headers, request_id = jobs[index]
        client = Client(args.base, timeout=60)
        record = client.request(method, path, body=body,
                                headers={**headers, "Accept": "application/json", "X-Request-Id": request_id})
        record["id"] = request_id
        if 200 <= record["status"] < 300:
            record.pop("body", None)
        results[index] = record
        client.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    dump({"results": results}, args.out)


def analyze(args):
    with open(args.load) as f:
        run = json.load(f)
    events = {}
    with open(args.events) as f:
        for line in f:
            name, value = line.split()
            events[name] = float(value)
    votes, edits = run["votes"], run["edits"]
    everything = votes + edits
    statuses = {}
    for r in votes:
        statuses[r["status"]] = statuses.get(r["status"], 0) + 1
    edit_statuses = {}
    for r in edits:
        edit_statuses[r["status"]] = edit_statuses.get(r["status"], 0) + 1
    accepted = sum(1 for r in votes if r["status"] == 201)
    unavailable = sum(1 for r in everything if r["status"] == 503)
    bad_5xx = [r for r in everything if r["status"] >= 500 and r["status"] != 503]
    unexpected_votes = [r for r in votes if r["status"] not in (201, 503)]
    unexpected_edits = [r for r in edits if r["status"] != 503 and not 200 <= r["status"] < 300]
    no_retry_after = [r for r in everything if r["status"] == 503 and not r.get("retryAfter")]
    not_problem = [r for r in everything if r["status"] >= 400
                   and "application/problem+json" not in str(r.get("contentType"))]
    slowest = max(everything, key=lambda r: r["latency"])
    accepted_edits = [r for r in edits if 200 <= r["status"] < 300]
    last_edit = accepted_edits[-1]["value"] if accepted_edits else None
    # Edits after the last accepted one that got no answer or a 5xx: their commit may have happened anyway
    # (the connection dropped during COMMIT), so the app cannot know their outcome either.
    after_last = edits[edits.index(accepted_edits[-1]) + 1:] if accepted_edits else edits
    in_doubt_edits = [r["value"] for r in after_last if r["status"] >= 500 or r["status"] == 0]
    back = events.get("db_back", 0)
    after_back = sorted((r for r in votes if r["start"] >= back), key=lambda r: r["start"])
    first_201 = next((r for r in after_back if r["status"] == 201), None)
    recovery = first_201["end"] - back if first_201 else None
    tail = [r for r in votes if r["start"] >= run["ended"] - 3]
    # 503s outside the fault windows (plus a grace period) would be failures the faults do not explain.
    windows = [(events["restart_begin"], events["restart_end"] + 5), (events["stop_begin"], back + 5)]
    stray_503 = [r for r in everything if r["status"] == 503
                 and not any(lo <= r["start"] <= hi or lo <= r["end"] <= hi for lo, hi in windows)]
    ready_down = [s for s in run["ready"] if events["stop_end"] <= s["t"] and s["t"] + s["latency"] <= events["start_begin"]]
    examples = list({id(r): r for r in bad_5xx + unexpected_votes + unexpected_edits + no_retry_after
                     + not_problem}.values())[:8]
    figures = {
        "votes_sent": len(votes), "votes_accepted": accepted, "vote_statuses": statuses,
        "edits_sent": len(edits), "edits_accepted": len(accepted_edits), "edit_statuses": edit_statuses,
        "last_accepted_edit": last_edit, "in_doubt_edits": in_doubt_edits, "count_503": unavailable,
        "vote_failures": sum(1 for r in votes if r["status"] >= 500 or r["status"] == 0), "bad_5xx": len(bad_5xx),
        "unexpected_votes": len(unexpected_votes), "unexpected_edits": len(unexpected_edits),
        "missing_retry_after": len(no_retry_after), "not_problem_json": len(not_problem),
        "max_latency": round(slowest["latency"], 3), "max_latency_request": slowest.get("id"),
        "max_vote_latency": round(max(r["latency"] for r in votes), 3),
        "p99_latency": round(sorted(r["latency"] for r in everything)[int(0.99 * (len(everything) - 1))], 3),
        "max_latency_status": slowest["status"],
        "recovery_after_db_start": None if recovery is None else round(recovery, 2),
        "tail_votes": len(tail), "tail_accepted": sum(1 for r in tail if r["status"] == 201),
        "stray_503": len(stray_503),
        "ready_samples_while_down": len(ready_down),
        "ready_down_while_down": sum(1 for s in ready_down if s["status"] == 503),
        "examples": [{k: r.get(k) for k in ("id", "method", "path", "status", "latency", "error", "body")}
                     for r in examples],
    }
    dump(figures, args.out)


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("probe")
    p.add_argument("--url", required=True)
    p.add_argument("--count", type=int, default=20)
    p.add_argument("--out")
    p = sub.add_parser("load")
    p.add_argument("--base", required=True)
    p.add_argument("--page", required=True)
    p.add_argument("--city", required=True)
    p.add_argument("--admin", required=True)
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--duration", type=float, default=24)
    p.add_argument("--edit-interval", type=float, default=0.3)
    p.add_argument("--edit-base", type=int, default=5_000_000)
    p.add_argument("--out")
    p = sub.add_parser("inflight")
    p.add_argument("--base", required=True)
    p.add_argument("--page", required=True)
    p.add_argument("--admin", required=True)
    p.add_argument("--votes", type=int, default=10)
    p.add_argument("--exports", type=int, default=5)
    p.add_argument("--surveys", type=int, default=5)
    p.add_argument("--out")
    p = sub.add_parser("analyze")
    p.add_argument("--load", required=True)
    p.add_argument("--events", required=True)
    p.add_argument("--out")
    args = parser.parse_args()
    {"probe": probe, "load": load, "inflight": inflight, "analyze": analyze}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())

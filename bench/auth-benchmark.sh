#!/usr/bin/env bash
# Authentication cost: packages and starts the app on a scratch database, then measures one protected read (a
# city's working copy, GET /api/v1/cities/kobe?preview=true) with wrk, authenticated by HTTP Basic (a bcrypt
# check per request) and by an API token (one indexed lookup), and prints req/s and latency for each.
# Not a test: it asserts nothing about speed.
#
#   bench/auth-benchmark.sh                       # about 1 minute on 2 cores (plus the build when sources changed)
#   CONNECTIONS=4 DURATION=30s bench/auth-benchmark.sh
#
# Needs Java 17, wrk (installed with apt-get when missing and run as root), and PostgreSQL on $PGHOST:$PGPORT
# reachable as a superuser ($PGSUPERUSER, or the postgres OS user when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8098}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DB=${BENCH_DB:-twinning_auth_bench}
ROLE=twinning
PASSWORD=twinning
ADMIN=bench-admin
ADMIN_PASSWORD=bench-admin-password
CONNECTIONS=${CONNECTIONS:-8}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
# shellcheck source=bench/lib/scratch-app.sh
. bench/lib/scratch-app.sh

if ! command -v wrk >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
    log "Installing wrk"
    apt-get install -y -qq wrk >/dev/null
fi

package_app
create_scratch_db
start_app TWINNING_ADMIN_USERNAME=$ADMIN TWINNING_ADMIN_PASSWORD=$ADMIN_PASSWORD

URL="http://127.0.0.1:$PORT/api/v1/cities/kobe?preview=true"
BASIC="Basic $(printf '%s:%s' "$ADMIN" "$ADMIN_PASSWORD" | base64 -w0)"
TOKEN=$(curl -sf -u "$ADMIN:$ADMIN_PASSWORD" -H 'Content-Type: application/json' \
    -d '{"name":"benchmark","scopes":["content:read"],"expiresInDays":1}' "http://127.0.0.1:$PORT/api/v1/tokens" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
for auth in "$BASIC" "Bearer $TOKEN"; do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$URL")" = 200 ] \
        || { echo "the protected read did not answer 200" >&2; exit 1; }
done

# Prints: req/s p50(ms) p99(ms) non-2xx
measure() {
    wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Authorization: $1" "$URL" > /dev/null
    sleep 2   # let the warm-up's last password checks finish: they count against the cap until they do
    wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Authorization: $1" "$URL" > "$WORK/wrk.out"
    python3 - "$WORK/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", text, re.M).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"{rate:.0f} {ms('50%'):.1f} {ms('99%'):.1f} {bad.group(1) if bad else 0}")
PY
}

log "Measuring $URL with $CONNECTIONS connections for $DURATION each"
read -r basic_rate basic_p50 basic_p99 basic_bad <<< "$(measure "$BASIC")"
read -r token_rate token_p50 token_p99 token_bad <<< "$(measure "Bearer $TOKEN")"
echo
echo "Protected read (GET /api/v1/cities/kobe?preview=true), $CONNECTIONS connections, $DURATION, commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
printf '%-22s %10s %9s %9s %8s\n' "authentication" "req/s" "p50 ms" "p99 ms" "non-2xx"
printf '%-22s %10s %9s %9s %8s\n' "HTTP Basic (bcrypt)" "$basic_rate" "$basic_p50" "$basic_p99" "$basic_bad"
printf '%-22s %10s %9s %9s %8s\n' "API token (Bearer)" "$token_rate" "$token_p50" "$token_p99" "$token_bad"
python3 -c "print(f'API token: {${token_rate}/${basic_rate}:.1f}x the requests per second of HTTP Basic')"

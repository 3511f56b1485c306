#!/usr/bin/env bash
# Survey benchmark: loads 10 million votes into a scratch database, then measures the survey aggregate
# (all time and with a date window) and vote posting through the packaged API with wrk, and the same SQL
# statements straight against PostgreSQL with pgbench, in one run. Prints latency percentiles,
# throughput and the ratio API / PostgreSQL. Not a test: it asserts nothing.
#
#   bench/survey-benchmark.sh                 # defaults below; VOTES=1000000 for a quicker run
#
# Needs: Java 17, PostgreSQL on $PGHOST:$PGPORT reachable as a superuser ($PGSUPERUSER, or the postgres
# OS user when run as root), pgbench, wrk (installed with apt-get when missing and running as root), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

VOTES=${VOTES:-10000000}
DAYS=${DAYS:-730}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-8097}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DB=${BENCH_DB:-twinning_bench}
ROLE=twinning
PASSWORD=twinning
WORK=$(mktemp -d)
APP_PID=

log() { printf '==> %s\n' "$*" >&2; }

superuser_psql() {
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && [ "$PGHOST" = 127.0.0.1 ]; then
        runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 "$@"
    else
        psql -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" "$@"
    fi
}

bench_psql() { PGPASSWORD=$PASSWORD psql -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$ROLE" -d "$DB" "$@"; }

cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    if [ "${KEEP_DB:-0}" != 1 ]; then superuser_psql -c "drop database if exists $DB" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
    [ "$(id -u)" = 0 ] || { echo "wrk is missing; install it (Debian: apt-get install wrk)" >&2; exit 1; }
    log "Installing wrk"
    apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi
command -v pgbench >/dev/null || { echo "pgbench is missing (Debian: postgresql-contrib or postgresql-15)" >&2; exit 1; }

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    log "Packaging the application"
    ./mvnw -B -q package -DskipTests
fi

log "Creating scratch database $DB"
superuser_psql -tc "select 1 from pg_roles where rolname = '$ROLE'" | grep -q 1 \
    || superuser_psql -c "create role $ROLE login password '$PASSWORD'"
superuser_psql -c "drop database if exists $DB" -c "create database $DB owner $ROLE"

log "Starting the packaged API on port $PORT"
started=$(date +%s.%N)
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME=$ROLE QUARKUS_DATASOURCE_PASSWORD=$PASSWORD TWINNING_SURVEY_LIMITS_ENABLED=false \
    java -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
    sleep 0.2
done
ready=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")

PAGE_ID=$(bench_psql -tAc "select id from pages where key = 'friendship-cities'")
log "Loading $VOTES votes over $DAYS days into page friendship-cities (id $PAGE_ID)"
load_started=$(date +%s.%N)
batch=1000000
for ((first = 1; first <= VOTES; first += batch)); do
    last=$((first + batch - 1 < VOTES ? first + batch - 1 : VOTES))
    bench_psql -c "insert into survey_votes (page_id, rating, created_at)
        select $PAGE_ID,
               (array['VERY_SATISFIED','SATISFIED','AVERAGE','UNSATISFIED','VERY_UNSATISFIED'])[1 + (i / $DAYS) % 5],
               now() - make_interval(days => (i % $DAYS)::int, secs => (i % 86400)::int)
        from generate_series($first, $last) i"
done
bench_psql -c "vacuum analyze survey_votes" -c "vacuum analyze survey_daily_counts"
load_seconds=$(python3 -c "print(round($(date +%s.%N) - $load_started, 1))")
stored=$(bench_psql -tAc "select count(*) from survey_votes")
counters=$(bench_psql -tAc "select count(*) from survey_daily_counts where page_id = $PAGE_ID")
FROM=$(bench_psql -tAc "select (now() at time zone 'Asia/Seoul')::date - 180")
TO=$(bench_psql -tAc "select (now() at time zone 'Asia/Seoul')::date - 90")

# The statements the API runs for each request (Hibernate's page lookup, then the counter query or insert).
cat > "$WORK/aggregate.sql" <<SQL
select p.id from pages p where p.key = 'friendship-cities';
select rating, sum(votes) from survey_daily_counts where page_id = $PAGE_ID group by rating;
SQL
cat > "$WORK/aggregate-window.sql" <<SQL
select p.id from pages p where p.key = 'friendship-cities';
select rating, sum(votes) from survey_daily_counts where page_id = $PAGE_ID and day >= '$FROM' and day <= '$TO' group by rating;
SQL
cat > "$WORK/vote.sql" <<SQL
begin;
select p.id from pages p where p.key = 'friendship-cities';
insert into survey_votes (page_id, rating, created_at) values ($PAGE_ID, 'SATISFIED', now());
commit;
SQL
cat > "$WORK/vote.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"rating":"SATISFIED"}'
wrk.headers["Content-Type"] = "application/json"
LUA

# wrk: requests/s, p50 and p99 in ms.
api() {
    local url=$1 connections=$2; shift 2
    wrk -t1 -c"$connections" -d"${WARMUP:-5s}" "$@" "$url" > /dev/null   # let the JIT warm up first
    wrk -t"$((connections < 2 ? 1 : 2))" -c"$connections" -d"$DURATION" --latency "$@" "$url" > "$WORK/wrk.out"
    python3 - "$WORK/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r'^\s*' + label + r'%\s+([\d.]+)(us|ms|s)\s*$', text, re.M)
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value
rps = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
errors = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
print(f"{rps:.0f} {ms('50'):.2f} {ms('99'):.2f} {errors.group(1) if errors else 0}")
PY
}

# pgbench: transactions/s, p50 and p99 in ms (from the per-transaction log).
database() {
    local script=$1 connections=$2
    rm -f "$WORK"/pgbench_log.*
    PGPASSWORD=$PASSWORD pgbench -n -M prepared -h "$PGHOST" -p "$PGPORT" -U "$ROLE" -c "$connections" -j "$((connections < 2 ? 1 : 2))" \
        -T "${DURATION%s}" -f "$script" -l --log-prefix="$WORK/pgbench_log" "$DB" > "$WORK/pgbench.out" 2>&1
    python3 - "$WORK/pgbench.out" "$WORK" <<'PY'
import glob, re, sys
tps = float(re.search(r'tps = ([\d.]+)', open(sys.argv[1]).read()).group(1))
lat = sorted(int(line.split()[2]) for f in glob.glob(sys.argv[2] + '/pgbench_log.*') for line in open(f))
pct = lambda p: lat[min(len(lat) - 1, int(p / 100 * len(lat)))] / 1000
print(f"{tps:.0f} {pct(50):.2f} {pct(99):.2f}")
PY
}

BASE="http://127.0.0.1:$PORT/api/v1/pages/friendship-cities"
rows=()
measure() {
    local name=$1 script=$2 url=$3 connections=$4; shift 4
    log "Measuring $name at $connections connection(s)"
    read -r api_rps api_p50 api_p99 api_errors < <(api "$url" "$connections" "$@")
    read -r db_tps db_p50 db_p99 < <(database "$script" "$connections")
    rows+=("$name|$connections|$api_rps|$api_p50|$api_p99|$api_errors|$db_tps|$db_p50|$db_p99")
}
measure "aggregate, all time" "$WORK/aggregate.sql" "$BASE/survey" 1
measure "aggregate, all time" "$WORK/aggregate.sql" "$BASE/survey" "$CONNECTIONS"
measure "aggregate, 90-day window" "$WORK/aggregate-window.sql" "$BASE/survey?from=$FROM&to=$TO" 1
measure "aggregate, 90-day window" "$WORK/aggregate-window.sql" "$BASE/survey?from=$FROM&to=$TO" "$CONNECTIONS"
measure "vote insert" "$WORK/vote.sql" "$BASE/votes" "$CONNECTIONS" -s "$WORK/vote.lua"

rss_kb=$(ps -o rss= -p "$APP_PID" | tr -d ' ')
echo
echo "Survey benchmark: $stored votes stored ($counters counter rows for the page), loaded in ${load_seconds}s;"
echo "API ready in ${ready}s; RSS after the run $((rss_kb / 1024)) MiB; $(nproc) cores; wrk and pgbench ${DURATION} each."
printf '\n%-26s %5s | %9s %8s %8s %6s | %9s %8s %8s | %9s %9s\n' "request" "conns" "API req/s" "p50 ms" "p99 ms" "non2xx" "PG tx/s" "p50 ms" "p99 ms" "API/PG" "p99 API-PG"
for row in "${rows[@]}"; do
    IFS='|' read -r name c rps p50 p99 errors tps dp50 dp99 <<< "$row"
    python3 -c "print('%-26s %5s | %9s %8s %8s %6s | %9s %8s %8s | %8.0f%% %8.2f ms' % ('$name', '$c', '$rps', '$p50', '$p99', '$errors', '$tps', '$dp50', '$dp99', 100 * $rps / max($tps, 1), $p99 - $dp99))"
done

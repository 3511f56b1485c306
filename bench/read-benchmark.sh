#!/usr/bin/env bash
# Read benchmark: in one run on one machine, packages and starts the app on a scratch database, measures the
# public reads on the seed data, loads a scaled dataset (50 000 cities over 200 countries, 100 000 agreements,
# 10 M survey votes), and measures again: each request through the API with wrk and the same SQL statements
# straight against PostgreSQL with pgbench, cached reads against nginx serving the same bytes from a file.
# Prints req/s, p50 and p99 for each side, the ratio API / reference, the goals, time to ready and RSS.
# Not a test: it asserts nothing about speed.
#
#   bench/read-benchmark.sh              # about 17 minutes on 2 cores (plus the build when sources changed)
#   QUICK=1 bench/read-benchmark.sh      # smaller data, 5 s runs: a smoke run of about 4 minutes
#   PROFILE=1 bench/read-benchmark.sh    # also profiles the app (JFR CPU samples) during each API run
#
# Needs: Java 17, PostgreSQL on $PGHOST:$PGPORT reachable as a superuser ($PGSUPERUSER, or the postgres OS
# user when run as root), pgbench, python3, wrk and nginx (both installed with apt-get when missing and
# running as root). "Uncached" API rows run against the app started with TWINNING_READ_CACHE_ENABLED=false (the
# API refuses unknown query parameters, so nothing can bust the cache from outside); the pgbench scripts are in
# bench/read/pgbench/, the data in bench/read/scale.sql.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${QUICK:-0}" = 1 ]; then
    CITIES=${CITIES:-5000} AGREEMENTS=${AGREEMENTS:-10000} VOTES=${VOTES:-1000000}
    DURATION=${DURATION:-5s} WARMUP=${WARMUP:-2s} WARMUP_ROUND=${WARMUP_ROUND:-5s} WARMUP_MIN=${WARMUP_MIN:-20} WARMUP_ROUNDS=${WARMUP_ROUNDS:-6}
    SAMPLE=${SAMPLE:-500}
fi
CITIES=${CITIES:-50000}            # cities in total after the load (the seed's included)
COUNTRIES=${COUNTRIES:-200}
AGREEMENTS=${AGREEMENTS:-100000}   # agreements in total after the load
VOTES=${VOTES:-10000000}
DAYS=${DAYS:-730}
SAMPLE=${SAMPLE:-2000}             # generated cities whose slugs wrk and pgbench draw from
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-5s}               # wrk warm-up before each measured API run
WARMUP_ROUND=${WARMUP_ROUND:-10s}  # after each start, rounds of reads until the JIT has compiled the read paths:
WARMUP_MIN=${WARMUP_MIN:-180}      #   this many seconds at least, then until two rounds in a row differ by under 5 %
WARMUP_ROUNDS=${WARMUP_ROUNDS:-30} #   in rate, this many rounds at most
CONNECTIONS=${CONNECTIONS:-32}
PACE_SHARE=${PACE_SHARE:-0.5}      # the paced seed rows offer about this share of the rate measured at saturation
PORT=${PORT:-8098}
NGINX_PORT=${NGINX_PORT:-8099}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DB=${BENCH_DB:-twinning_read_bench}
ROLE=twinning
PASSWORD=twinning
THREADS=2
TOOL=bench/read/report.py
WORK=$(mktemp -d)
ROWS=$WORK/rows.tsv
APP_PID=
NGINX_PID=
BEGAN=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'read-benchmark: %s\n' "$*" >&2; exit 1; }
seconds_since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(date +%s.%N)"; }

superuser_psql() {
    if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && [ "$PGHOST" = 127.0.0.1 ]; then
        runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 "$@"
    else
        psql -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$PGSUPERUSER" "$@"
    fi
}

bench_psql() { PGPASSWORD=$PASSWORD psql -q -v ON_ERROR_STOP=1 -h "$PGHOST" -p "$PGPORT" -U "$ROLE" -d "$DB" "$@"; }

stop_app() {
    if [ -n "$APP_PID" ]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
        APP_PID=
    fi
}

cleanup() {
    stop_app
    if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
    if [ "${KEEP_DB:-0}" != 1 ]; then superuser_psql -c "drop database if exists $DB" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

for tool in wrk nginx; do
    if ! command -v "$tool" >/dev/null && ! [ -x "/usr/sbin/$tool" ]; then
        [ "$(id -u)" = 0 ] || fail "$tool is missing; install it (Debian: apt-get install $tool)"
        log "Installing $tool"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null
    fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
command -v pgbench >/dev/null || fail "pgbench is missing (Debian: postgresql-client)"

if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
    log "Packaging the application"
    ./mvnw -B -q -ntp package -DskipTests
fi
# A private copy, so that a build running beside the benchmark cannot change the jar under it.
cp -r target/quarkus-app "$WORK/app"

log "Creating scratch database $DB"
superuser_psql -tc "select 1 from pg_roles where rolname = '$ROLE'" | grep -q 1 \
    || superuser_psql -c "create role $ROLE login password '$PASSWORD'"
superuser_psql -c "drop database if exists $DB" -c "create database $DB owner $ROLE"

# Starts the packaged app (production profile, JSON logs, vote limits off) and sets READY to its time to ready.
start_app() {
    local started
    started=$(date +%s.%N)
    env "$@" QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME=$ROLE QUARKUS_DATASOURCE_PASSWORD=$PASSWORD TWINNING_SURVEY_LIMITS_ENABLED=false \
        java ${JAVA_OPTS:-} -jar "$WORK/app/quarkus-run.jar" >> "$WORK/app.log" 2>&1 &
    APP_PID=$!
    until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log" >&2; fail "the app did not start"; }
        sleep 0.1
    done
    READY=$(seconds_since "$started")
}

# Uncached rows run against the app with its read cache switched off by configuration; the cached row restarts
# it with the cache on.
log "Starting the packaged API on port $PORT with the read cache off (empty database: migrations and seed)"
start_app TWINNING_READ_CACHE_ENABLED=false
READY_FIRST=$READY
superuser_psql -d "$DB" -c "vacuum analyze"

# Lists of (API path, key, agreement ids, whether the first page is full, city ids), one per line, for wrk and
# pgbench. The ids are what the app's batch loaders bind after the first statement: the agreements whose
# signatories they fetch, the cities whose images they fetch. The fourth column says whether the first page is
# full (20 or more matches), so that the app also counts the matches with a statement of its own; those entries
# come first (bench/read/pgbench/*.sql, \if).
list_cities_by_country() {
    bench_psql -tA -F $'\t' -c "select '/api/v1/cities?country=' || country_code || '&size=20', country_code, '{}',
            count(*) >= 20,
            '{' || array_to_string(array(select p.id from cities p where p.country_code = c.country_code
                order by p.name collate \"en-x-icu\", p.id limit 20), ',') || '}'
        from cities c group by country_code order by count(*) >= 20 desc, country_code" > "$WORK/cities-by-country.list"
}
list_agreements_by_country() {
    bench_psql -tA -F $'\t' -c "with pages as (select c.code, c.matches, a.id, a.home_city_id, a.partner_city_id
            from (select p.country_code as code, count(*) as matches
                from agreements a join cities p on p.id = a.partner_city_id group by 1) c,
            lateral (select a.id, a.home_city_id, a.partner_city_id from agreements a where a.partner_country = c.code
                order by a.established_on, a.id limit 20) a)
        select '/api/v1/agreements?country=' || code, code, '{' || string_agg(id::text, ',') || '}', matches >= 20,
            '{' || array_to_string(array(select distinct x from pages q, unnest(array[q.home_city_id, q.partner_city_id]) x
                where q.code = pages.code), ',') || '}'
        from pages group by code, matches
        order by matches >= 20 desc, code" > "$WORK/agreements-by-country.list"
}
list_city_by_slug() {
    local where=$1
    bench_psql -tA -F $'\t' -c "select '/api/v1/cities/' || c.slug, c.slug,
            '{' || array_to_string(array(select a.id from agreements a
                where a.home_city_id = c.id or a.partner_city_id = c.id order by a.id), ',') || '}', false,
            '{' || array_to_string(array(select distinct x from agreements a,
                unnest(array[c.id, a.home_city_id, a.partner_city_id]) x
                where a.home_city_id = c.id or a.partner_city_id = c.id), ',') || '}'
        from cities c
        where exists (select 1 from agreements a where a.home_city_id = c.id or a.partner_city_id = c.id) and $where
        order by md5(c.slug) limit $SAMPLE" > "$WORK/city-by-slug.list"
}
render() { python3 "$TOOL" render "bench/read/pgbench/$1.sql" "$WORK/$1.list" "$WORK/$1.sql"; }

# wrk after a warm-up: prints req/s, p50, p99 (ms), failed requests and the cores the app used meanwhile.
api() {
    local url=$1 script=$2
    shift 2
    local with=() before after started
    [ "$script" = - ] || with=(-s "$script")
    local conns=${CONNS:-$CONNECTIONS}
    wrk -t1 -c"$conns" -d"$WARMUP" --timeout 10s "${with[@]}" "$url" -- "$@" "w$RANDOM$RANDOM" > /dev/null
    before=$(APP_PID=$APP_PID python3 "$TOOL" cpu)
    started=$(date +%s.%N)
    wrk -t"$((conns < THREADS ? conns : THREADS))" -c"$conns" -d"$DURATION" --timeout 10s --latency "${with[@]}" "$url" -- "$@" "m$RANDOM$RANDOM" > "$WORK/wrk.out" &
    local wrk_pid=$!
    if [ "${PROFILE:-0}" = 1 ] && [ -n "$APP_PID" ]; then sample_threads "$wrk_pid"; else wait "$wrk_pid"; fi
    after=$(APP_PID=$APP_PID python3 "$TOOL" cpu)
    echo "$(python3 "$TOOL" wrk "$WORK/wrk.out") $(python3 -c "
import sys
elapsed = float(sys.argv[3]) - float(sys.argv[4])
box, app = ((int(a) - int(b)) / 100 / elapsed for a, b in zip(sys.argv[2].split(), sys.argv[1].split()))
print((f'{app:.2f}' if '$APP_PID' else '-') + f'/{box:.2f}')" "$before" "$after" "$(date +%s.%N)" "$started")"
}

# A JFR recording (settings=profile: a CPU sample of every running Java thread every 10 ms) while wrk runs,
# summarised into $WORK/profile.txt: where the app's CPU went.
sample_threads() {
    local pid=$1 file=$WORK/row.jfr
    rm -f "$file"
    jcmd "$APP_PID" JFR.start name=row settings=profile filename="$file" > /dev/null 2>&1 || { wait "$pid"; return 0; }
    wait "$pid"
    jcmd "$APP_PID" JFR.stop name=row > /dev/null 2>&1 || return 0
    { echo "--- $CURRENT"; jfr print --events jdk.ExecutionSample,jdk.GarbageCollection --stack-depth 128 "$file" | python3 "$TOOL" profile; } \
        >> "$WORK/profile.txt" 2>&1 || true
}

# pgbench with the same connections: prints tx/s, p50, p99 (ms) from the per-transaction log, failed transactions.
database() {
    rm -f "$WORK"/pgbench_log.*
    local conns=${CONNS:-$CONNECTIONS}
    PGPASSWORD=$PASSWORD pgbench -n -M prepared -h "$PGHOST" -p "$PGPORT" -U "$ROLE" -c "$conns" -j "$((conns < THREADS ? conns : THREADS))" \
        -T "${DURATION%s}" -f "$1" -l --log-prefix="$WORK/pgbench_log" "$DB" > "$WORK/pgbench.out" 2>&1 \
        || { cat "$WORK/pgbench.out" >&2; fail "pgbench failed on $1"; }
    python3 "$TOOL" pgbench "$WORK/pgbench.out" "$WORK/pgbench_log"
}

row() { printf '%s\n' "$(IFS=$'\t'; echo "$*")" >> "$ROWS"; }

# An uncached read: API URLs from a list, each made unique, against the pgbench script drawing from that list.
read_row() {
    local name=$1 data=$2 list=$3 goal=$4 rps p50 p99 err cores drps dp50 dp99 derr
    CURRENT="$name ($data)"
    log "Measuring $CURRENT: wrk, then pgbench"
    read -r rps p50 p99 err cores < <(api "http://127.0.0.1:$PORT" bench/read/paths.lua "$WORK/$list.list")
    read -r drps dp50 dp99 derr < <(database "$WORK/$list.sql")
    row "$name" "$data" "$rps" "$p50" "$p99" "$err" PostgreSQL "$drps" "$dp50" "$dp99" "$derr" "$cores" "$goal"
}

# ---------------------------------------------------------------- seed data
list_cities_by_country; list_agreements_by_country; list_city_by_slug true
for list in cities-by-country agreements-by-country city-by-slug; do render "$list"; done
cat "$WORK"/{cities-by-country,agreements-by-country,city-by-slug}.list > "$WORK/all.list"
echo "/api/v1/pages/friendship-cities/survey" >> "$WORK/all.list"
echo "/api/v1/locales" >> "$WORK/all.list"
# On 2 cores the JIT compiler competes with the load for minutes: a fixed short warm-up measured the interpreter
# and C1 code (the uncached city list rose from about 700 req/s after 30 s to 3,400 after 4 minutes, with the C2
# compiler still busy at 2 minutes). So after each start the app gets rounds of its own load for at least
# WARMUP_MIN seconds, then more until two rounds in a row differ by under 5 % in rate.
# warm_up <label> <wrk arguments...>: sets WARMED to what it did.
warm_up() {
    local label=$1 previous=0 rate=0 round began
    shift
    began=$(date +%s)
    log "Warming the app up with $label, in rounds of $WARMUP_ROUND: at least ${WARMUP_MIN}s, then until the rate settles"
    for ((round = 1; round <= WARMUP_ROUNDS; round++)); do
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP_ROUND" --timeout 10s --latency "$@" > "$WORK/warm.out"
        rate=$(python3 "$TOOL" wrk "$WORK/warm.out" | cut -d' ' -f1)
        log "  round $round: $rate req/s"
        if (($(date +%s) - began >= WARMUP_MIN)) && python3 -c "import sys; a, b = map(float, sys.argv[1:]); sys.exit(abs(a - b) > 0.05 * max(a, b))" \
            "$previous" "$rate"; then
            break
        fi
        previous=$rate
    done
    WARMED="$((round > WARMUP_ROUNDS ? WARMUP_ROUNDS : round)) rounds of $WARMUP_ROUND ($(($(date +%s) - began))s), the last at $rate req/s"
}
warm_up "all uncached reads" -s bench/read/paths.lua "http://127.0.0.1:$PORT" -- "$WORK/all.list" plain warm
WARMED_UNCACHED=$WARMED
# Issue 18's targets: seed reads at 35 % of PostgreSQL's rate for the same statements, p99 under 20 ms.
SEED_GOAL='ratio>=35&p99<20'
read_row "cities by country, uncached" seed cities-by-country "$SEED_GOAL"
read_row "city by slug, uncached" seed city-by-slug "$SEED_GOAL"
read_row "agreements by country, uncached" seed agreements-by-country "$SEED_GOAL"
# The floor under every read above: the same HTTP server, filters, JSON writing, ETag and request log for a
# read that touches no database (the locales come from configuration), set against PostgreSQL's rate for the
# city list's statements. No goal: it shows how much of that rate the app could reach if its database work
# cost nothing.
CURRENT="locales, no database (seed)"
log "Measuring $CURRENT: wrk"
read -r rps p50 p99 err cores < <(api "http://127.0.0.1:$PORT/api/v1/locales" -)
read -r drps dp50 dp99 derr < <(awk -F '\t' '$1 == "cities by country, uncached" && $2 == "seed" {print $8, $9, $10, $11}' "$ROWS")
row "locales, no database" seed "$rps" "$p50" "$p99" "$err" "PG cities by country" "$drps" "$dp50" "$dp99" "$derr" "$cores" ''

# The seed reads again below saturation: still 32 connections, but each pauses a random time between requests so
# that they offer about PACE_SHARE of the rate measured above. At saturation every connection always has a request queued, so
# the mean latency is connections / rate (Little's law) and p99 follows from throughput; these rows show the
# latency of the same reads with headroom left. No goal: issue 18's p99 is judged on the rows above.
paced_row() {
    local name=$1 list=$2 rate pause rps p50 p99 err cores
    rate=$(awk -F '\t' -v name="$name" '$1 == name && $2 == "seed" {print $3}' "$ROWS")
    pause=$(python3 -c "import sys; print(max(1, round(int(sys.argv[1]) * 1000 / (float(sys.argv[2]) * float(sys.argv[3])))))" \
        "$CONNECTIONS" "$rate" "$PACE_SHARE")
    CURRENT="$name, paced (seed)"
    log "Measuring $CURRENT: wrk, each connection pausing ${pause} ms on average between requests"
    read -r rps p50 p99 err cores < <(PACE_MS=$pause api "http://127.0.0.1:$PORT" bench/read/paths.lua "$WORK/$list.list")
    row "$name, paced (${pause} ms pauses)" seed "$rps" "$p50" "$p99" "$err" - - - - - "$cores" ''
}
paced_row "cities by country, uncached" cities-by-country
paced_row "city by slug, uncached" city-by-slug
paced_row "agreements by country, uncached" agreements-by-country

# ---------------------------------------------------------------- scaled data
log "Loading $CITIES cities over $COUNTRIES countries and $AGREEMENTS agreements"
load_started=$(date +%s.%N)
bench_psql -v cities="$CITIES" -v countries="$COUNTRIES" \
    -v agreements="$((AGREEMENTS - $(bench_psql -tAc 'select count(*) from agreements')))" -f bench/read/scale.sql
PAGE_ID=$(bench_psql -tAc "select id from pages where key = 'friendship-cities'")
log "Loading $VOTES votes over $DAYS days into page friendship-cities"
# As superuser with session_replication_role = replica, which skips the per-row foreign key check (half the
# time) and the counting trigger; the counters are then added exactly as survey_count_votes() adds them, in
# one statement whose NOTIFY also drops the app's cached survey answers, and the all-time totals likewise.
first_new=$(bench_psql -tAc "select coalesce(max(id), 0) + 1 from survey_votes")
batch=1000000
for ((first = 1; first <= VOTES; first += batch)); do
    last=$((first + batch - 1 < VOTES ? first + batch - 1 : VOTES))
    superuser_psql -d "$DB" -c "set session_replication_role = replica" -c "insert into survey_votes (page_id, rating, created_at)
        select $PAGE_ID,
               (array['VERY_SATISFIED','SATISFIED','AVERAGE','UNSATISFIED','VERY_UNSATISFIED'])[1 + (i / $DAYS) % 5],
               now() - make_interval(days => (i % $DAYS)::int, secs => (i % 86400)::int)
        from generate_series($first, $last) i"
done
bench_psql -c "insert into survey_daily_counts (page_id, day, rating, votes)
    select page_id, (created_at at time zone coalesce((select time_zone from survey_settings), 'Asia/Seoul'))::date, rating, count(*)
    from survey_votes where id >= $first_new
    group by 1, 2, 3
    on conflict (page_id, day, rating) do update set votes = survey_daily_counts.votes + excluded.votes" \
    -c "insert into survey_totals (page_id, rating, votes)
    select page_id, rating, count(*) from survey_votes where id >= $first_new group by 1, 2
    on conflict (page_id, rating) do update set votes = survey_totals.votes + excluded.votes"
superuser_psql -d "$DB" -c "vacuum analyze"
LOAD_SECONDS=$(seconds_since "$load_started")

# The load must leave what the app itself would have: counters equal to the votes, search_text that `q`
# finds, every country listed, and the read cache dropped (the content triggers announced the change).
read -r n_cities n_countries n_agreements n_votes counters_ok < <(bench_psql -tA -F ' ' -c "select
    (select count(*) from cities), (select count(distinct country_code) from cities), (select count(*) from agreements),
    (select count(*) from survey_votes),
    (select count(*) from survey_votes) = all (select coalesce(sum(votes), 0) from survey_daily_counts
        union all select coalesce(sum(votes), 0) from survey_totals)")
[ "$counters_ok" = t ] || fail "survey_daily_counts or survey_totals does not add up to the votes"
read -r probe_slug probe_name probe_native < <(bench_psql -tA -F ' ' -c "select slug, name, native_name from cities
    where slug like 'city-%' order by id limit 1")
for q in "$probe_native" "${probe_name,,}"; do
    found=$(curl -sf -G "http://127.0.0.1:$PORT/api/v1/cities" --data-urlencode "q=$q" \
        | python3 -c "import json, sys; print(' '.join(c['slug'] for c in json.load(sys.stdin)['items']))")
    [[ " $found " == *" $probe_slug "* ]] || fail "q=$q does not find $probe_slug: search_text is not what the app writes"
done
listed=$(curl -sf "http://127.0.0.1:$PORT/api/v1/countries" | python3 -c "import json, sys; print(len(json.load(sys.stdin)['items']))")
[ "$listed" = "$n_countries" ] || fail "GET /api/v1/countries lists $listed countries, the database has $n_countries"

list_cities_by_country; list_agreements_by_country; list_city_by_slug "c.slug like 'city-%'"
for list in cities-by-country agreements-by-country city-by-slug; do render "$list"; done
DATA=scaled
read_row "cities by country, uncached" "$DATA" cities-by-country 'ratio>=50'
read_row "city by slug, uncached" "$DATA" city-by-slug 'ratio>=50'
read_row "agreements by country, uncached" "$DATA" agreements-by-country 'ratio>=50'

echo "/api/v1/pages/friendship-cities/survey" > "$WORK/survey.list"
CURRENT="survey aggregate, uncached ($DATA)"
log "Measuring $CURRENT: wrk, then pgbench"
read -r rps p50 p99 err cores < <(api "http://127.0.0.1:$PORT" bench/read/paths.lua "$WORK/survey.list")
read -r drps dp50 dp99 derr < <(database bench/read/pgbench/survey-aggregate.sql)
row "survey aggregate, uncached, $((n_votes / 1000000)) M votes" "$DATA" "$rps" "$p50" "$p99" "$err" PostgreSQL "$drps" "$dp50" "$dp99" "$derr" "$cores" 'p99<5'
CURRENT="survey aggregate, uncached, 1 connection ($DATA)"
log "Measuring $CURRENT: wrk, then pgbench"
read -r rps p50 p99 err cores < <(CONNS=1 api "http://127.0.0.1:$PORT" bench/read/paths.lua "$WORK/survey.list")
read -r drps dp50 dp99 derr < <(CONNS=1 database bench/read/pgbench/survey-aggregate.sql)
row "  the same at 1 connection" "$DATA" "$rps" "$p50" "$p99" "$err" PostgreSQL "$drps" "$dp50" "$dp99" "$derr" "$cores" 'p99<5'

CURRENT="vote insert ($DATA)"
log "Measuring $CURRENT: wrk, then pgbench"
read -r rps p50 p99 err cores < <(api "http://127.0.0.1:$PORT/api/v1/pages/friendship-cities/votes" bench/read/vote.lua)
read -r drps dp50 dp99 derr < <(database bench/read/pgbench/vote.sql)
row "vote insert" "$DATA" "$rps" "$p50" "$p99" "$err" PostgreSQL "$drps" "$dp50" "$dp99" "$derr" "$cores" ''

# ---------------------------------------------------------------- cached read against nginx
RSS_UNCACHED_MB=$(($(ps -o rss= -p "$APP_PID" | tr -d ' ') / 1024))
log "Restarting the app with the read cache on"
stop_app
start_app
CACHED_PATH='/api/v1/cities?country=CN&size=20'
mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
curl -sf "http://127.0.0.1:$PORT$CACHED_PATH" -o "$WORK/nginx/html/cities.json"
curl -sf -D "$WORK/cached.headers" -o /dev/null "http://127.0.0.1:$PORT$CACHED_PATH"
cat > "$WORK/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes $(nproc);
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx/logs/access.log;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    types { application/json json; }
    default_type application/json;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/html;
        location / { add_header Cache-Control "public, max-age=60"; }
    }
}
NGINX
chmod 711 "$WORK"; chmod -R a+rX "$WORK/nginx"
"$NGINX" -p "$WORK/nginx" -e "$WORK/nginx/logs/error.log" -c "$WORK/nginx/nginx.conf" &
NGINX_PID=$!
until curl -sf "http://127.0.0.1:$NGINX_PORT/cities.json" >/dev/null; do
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$WORK/nginx/logs/error.log" >&2; fail "nginx did not start"; }
    sleep 0.1
done
warm_up "the cached read" "http://127.0.0.1:$PORT$CACHED_PATH"
WARMED_CACHED=$WARMED
CURRENT="city list, cached ($DATA)"
log "Measuring $CURRENT: wrk on one URL, then wrk on nginx serving the same $(stat -c %s "$WORK/nginx/html/cities.json") bytes"
read -r rps p50 p99 err cores < <(api "http://127.0.0.1:$PORT$CACHED_PATH" -)
saved_pid=$APP_PID; APP_PID=
read -r nrps np50 np99 nerr _ < <(api "http://127.0.0.1:$NGINX_PORT/cities.json" -)
APP_PID=$saved_pid
row "cities by country, cached (1 URL)" "$DATA" "$rps" "$p50" "$p99" "$err" "nginx file" "$nrps" "$np50" "$np99" "$nerr" "$cores" 'ratio>=50'

RSS_MB=$(($(ps -o rss= -p "$APP_PID" | tr -d ' ') / 1024))
log "Restarting the app on the loaded database, with SQL logging to check the pgbench scripts against it"
stop_started=$(date +%s.%N)
stop_app
STOP_SECONDS=$(seconds_since "$stop_started")
# The webhook dispatcher's poll and the schedule runner would log their own statements between a request's: they
# wait an hour here.
start_app TWINNING_READ_CACHE_ENABLED=false TWINNING_WEBHOOK_POLL_INTERVAL=1h TWINNING_WORKFLOW_SCHEDULE_INTERVAL=1h QUARKUS_HIBERNATE_ORM_LOG_SQL=true QUARKUS_HIBERNATE_ORM_LOG_FORMAT_SQL=false \
    QUARKUS_HIBERNATE_ORM_LOG_HIGHLIGHT_SQL=false
READY_LOADED=$READY

# Each request once (a cache miss), and the statements it ran compared with the pgbench script's.
SQL_CHECK=
check_sql() {
    local template=$1 before
    shift
    before=$(wc -l < "$WORK/app.log")
    curl -sf -o /dev/null "$@" || fail "curl $* failed"
    sleep 0.5
    tail -n +"$((before + 1))" "$WORK/app.log" > "$WORK/sql.log"
    python3 "$TOOL" sqlcheck "$WORK/sql.log" "bench/read/pgbench/$template.sql" >> "$WORK/sqlcheck.txt" \
        || SQL_CHECK="$SQL_CHECK $template"
}
check_sql cities-by-country "http://127.0.0.1:$PORT$(head -1 "$WORK/cities-by-country.list" | cut -f1)"
check_sql city-by-slug "http://127.0.0.1:$PORT$(head -1 "$WORK/city-by-slug.list" | cut -f1)"
check_sql agreements-by-country "http://127.0.0.1:$PORT$(head -1 "$WORK/agreements-by-country.list" | cut -f1)"
check_sql survey-aggregate "http://127.0.0.1:$PORT/api/v1/pages/friendship-cities/survey"
check_sql vote -X POST -H 'Content-Type: application/json' -d '{"rating":"SATISFIED"}' \
    "http://127.0.0.1:$PORT/api/v1/pages/friendship-cities/votes"

echo
echo "Read benchmark, $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') plus the working tree;"
echo "$(nproc) cores, load average before the run $LOAD_BEFORE, after $(cut -d' ' -f1-3 /proc/loadavg); wrk and pgbench ${CONNECTIONS} connections, ${THREADS} threads, ${DURATION} each after a ${WARMUP} warm-up (wrk)."
echo "Seed: the shipped seed data. Scaled: $n_cities cities in $n_countries countries, $n_agreements agreements, $n_votes votes (loaded in ${LOAD_SECONDS}s)."
echo "Uncached API rows run against the app started with TWINNING_READ_CACHE_ENABLED=false; slugs are drawn"
echo "from $(wc -l < "$WORK/city-by-slug.list") cities. 'vs' is the same statements through pgbench (-M prepared), or nginx serving the same bytes."
echo "Warm-up after the start: $WARMED_UNCACHED (all uncached reads mixed); after the restart with the cache on: $WARMED_CACHED (the cached read)."
echo "All rows at $CONNECTIONS connections unless marked. Latencies in ms; err = non-2xx responses and socket errors (wrk) or failed transactions (pgbench); cores = CPU the JVM / the whole box used during the API run."
echo
python3 "$TOOL" table "$ROWS"
echo
echo "Time to ready: ${READY_FIRST}s on an empty database (migrations and seed), ${READY_LOADED}s on the loaded database."
echo "RSS after the uncached rows: ${RSS_UNCACHED_MB} MiB; after the cached row (restarted app): ${RSS_MB} MiB. JVM options: ${JAVA_OPTS:-none}. Graceful stop: ${STOP_SECONDS}s. Whole run: $(( $(date +%s) - BEGAN ))s."
if [ -z "$SQL_CHECK" ]; then
    echo "SQL check: each pgbench script runs the statements the app ran for that request (app restarted with SQL logging)."
else
    echo "SQL CHECK FAILED for$SQL_CHECK: the app no longer runs what bench/read/pgbench/ says; the ratios are suspect."
    cat "$WORK/sqlcheck.txt"
fi
if [ -f "$WORK/profile.txt" ]; then
    echo
    echo "Where the app spent its CPU during each API run (JFR execution samples):"
    cat "$WORK/profile.txt"
fi

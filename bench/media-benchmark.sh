#!/usr/bin/env bash
# Media benchmark: uploads the largest image the API accepts (40 megapixels, under 10 MB) once and then four
# at a time to the packaged app running with a small heap, and fetches renditions twice each. Prints upload
# times, the peak heap the JVM used (from its GC log), and the size and time of first and repeated rendition
# requests. Not a test: it asserts nothing.
#
#   bench/media-benchmark.sh            # HEAP=256m PARALLEL=4
#
# Needs: Java 17, PostgreSQL on $PGHOST:$PGPORT reachable as a superuser ($PGSUPERUSER, or the postgres OS
# user when run as root), curl, awk.
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${HEAP:-256m}
PARALLEL=${PARALLEL:-4}
PORT=${PORT:-8098}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DB=${BENCH_DB:-twinning_media_bench}
ROLE=twinning
PASSWORD=twinning
ADMIN=bench.admin
ADMIN_PASSWORD=bench-admin-password
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

cleanup() {
    if [ -n "$APP_PID" ]; then
        kill "$APP_PID" 2>/dev/null || true
        wait "$APP_PID" 2>/dev/null || true
    fi
    superuser_psql -c "drop database if exists $DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "Packaging the app (SKIP_BUILD=1 uses target/quarkus-app as it is)"
    ./mvnw -B -q -ntp package -DskipTests
fi

log "Scratch database $DB"
superuser_psql -c "drop database if exists $DB"
if [ -z "$(superuser_psql -tAc "select 1 from pg_roles where rolname = '$ROLE'")" ]; then
    superuser_psql -c "create role $ROLE login password '$PASSWORD'"
fi
superuser_psql -c "create database $DB owner $ROLE"

log "The largest accepted image: 7300 x 5479 pixels (40.0 MP)"
java bench/media/MakePhoto.java 7300 5479 "${QUALITY:-0.92}" "$WORK/photo.jpg"
PHOTO_BYTES=$(stat -c %s "$WORK/photo.jpg")

log "Starting the app with -Xmx$HEAP"
cp -r target/quarkus-app "$WORK/app"
QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
    QUARKUS_DATASOURCE_USERNAME=$ROLE QUARKUS_DATASOURCE_PASSWORD=$PASSWORD QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    TWINNING_ADMIN_USERNAME=$ADMIN TWINNING_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java -Xmx"$HEAP" -Xlog:gc:file="$WORK/gc.log" -jar "$WORK/app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
    curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
curl -fs "http://localhost:$PORT/q/health/ready" >/dev/null

upload() {
    curl -s -o "$1" -w '%{http_code} %{time_total}\n' -u "$ADMIN:$ADMIN_PASSWORD" \
        -F "file=@$WORK/photo.jpg;type=image/jpeg" -F "alt=Benchmark photo" "http://localhost:$PORT/api/v1/media"
}

# The heap used before the last collection logged so far, in MB (the GC log's "before->after(total)").
peak_heap() {
    grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$WORK/gc.log" | sed -E 's/M->.*//' | sort -n | tail -1
}

log "Warm-up upload"
upload "$WORK/warm.json" >/dev/null
log "One upload"
read -r STATUS ONE <<<"$(upload "$WORK/one.json")"
ID=$(sed -E 's/.*"id":([0-9]+).*/\1/' "$WORK/one.json")
PEAK_BEFORE=$(peak_heap)

log "$PARALLEL uploads at once"
START=$(date +%s.%N)
for i in $(seq 1 "$PARALLEL"); do
    upload "$WORK/parallel-$i.json" > "$WORK/parallel-$i.status" &
done
wait $(jobs -p | grep -v "^$APP_PID$") 2>/dev/null || true
END=$(date +%s.%N)
PEAK=$(peak_heap)

printf '\nImage: 7300 x 5479 JPEG, %s bytes; app heap limit %s\n\n' "$PHOTO_BYTES" "$HEAP"
printf '| what | result |\n|---|---|\n'
printf '| one upload | HTTP %s in %.2f s |\n' "$STATUS" "$ONE"
for i in $(seq 1 "$PARALLEL"); do
    read -r code seconds < "$WORK/parallel-$i.status"
    printf '| parallel upload %d of %d | HTTP %s in %.2f s |\n' "$i" "$PARALLEL" "$code" "$seconds"
done
awk -v n="$PARALLEL" -v start="$START" -v end="$END" 'BEGIN { printf "| %d uploads, wall clock | %.2f s |\n", n, end - start }'
printf '| peak heap used (GC log) | %s MB after one upload, %s MB after %d at once (limit %s) |\n' "$PEAK_BEFORE" "$PEAK" "$PARALLEL" "$HEAP"

printf '\n| rendition | bytes | first request | repeated |\n|---|---|---|---|\n'
for width in 320 640 1280 ""; do
    url="http://localhost:$PORT/api/v1/media/$ID/content${width:+?width=$width}"
    first=$(curl -s -o /dev/null -w '%{http_code} %{size_download} %{time_total}' "$url")
    again=$(curl -s -o /dev/null -w '%{time_total}' "$url")
    echo "${width:-largest} $first $again" | awk '{ printf "| %s | HTTP %s, %s bytes | %.1f ms | %.1f ms |\n", $1, $2, $3, $4 * 1000, $5 * 1000 }'
done

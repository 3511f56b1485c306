#!/usr/bin/env bash
# Webhook benchmark: packages and starts the app on a scratch database, registers bench/webhooks/receiver.py
# (which verifies every signature) and measures the delivery latency from commit to receipt over CHANGES
# changes (p50, p99, max), then the outbox's throughput draining BACKLOG queued deliveries into one endpoint.
# Not a test: it asserts nothing about speed.
#
#   bench/webhook-benchmark.sh                 # about 2 minutes on 2 cores (plus the build when sources changed)
#   CHANGES=200 BACKLOG=1000 bench/webhook-benchmark.sh
#
# Needs Java 17, python3, and PostgreSQL on $PGHOST:$PGPORT reachable as a superuser ($PGSUPERUSER, or the
# postgres OS user when run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-8096}
RECEIVER_PORT=${RECEIVER_PORT:-8097}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DB=${BENCH_DB:-twinning_webhook_bench}
ROLE=twinning
PASSWORD=twinning
ADMIN=bench-admin
ADMIN_PASSWORD=bench-admin-password
# shellcheck source=bench/lib/scratch-app.sh
. bench/lib/scratch-app.sh

package_app
create_scratch_db
start_app TWINNING_ADMIN_USERNAME=$ADMIN TWINNING_ADMIN_PASSWORD=$ADMIN_PASSWORD TWINNING_WEBHOOK_ALLOW_PRIVATE_TARGETS=true

log "Measuring: ${CHANGES:-1000} changes one after another, then a backlog of ${BACKLOG:-5000} deliveries"
OUT=$(BASE="http://127.0.0.1:$PORT" ADMIN=$ADMIN ADMIN_PASSWORD=$ADMIN_PASSWORD WORK=$WORK RECEIVER_PORT=$RECEIVER_PORT \
    PGHOST=$PGHOST PGPORT=$PGPORT PGUSER=$ROLE PGPASSWORD=$PASSWORD PGDATABASE=$DB python3 bench/webhooks/load.py)
read -r _ count p50 p99 max <<< "$(grep '^latency' <<< "$OUT")"
read -r _ backlog seconds rate <<< "$(grep '^throughput' <<< "$OUT")"
failed=$(PGPASSWORD=$PASSWORD psql -h "$PGHOST" -p "$PGPORT" -U "$ROLE" -d "$DB" -tAc \
    "select count(*) from webhook_attempts where status_code is null or status_code >= 300")
echo
echo "Webhook delivery, commit to receipt (receiver.py verifying every signature; $count changes, one at a time)"
printf '  p50 %s ms   p99 %s ms   max %s ms\n' "$p50" "$p99" "$max"
echo "Outbox throughput into one endpoint (4 concurrent attempts per endpoint)"
printf '  %s deliveries in %s s: %s deliveries/s\n' "$backlog" "$seconds" "$rate"
echo "Attempts that failed or were refused by the receiver: $failed"

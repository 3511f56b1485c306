# Shared by benchmarks that run the packaged app on a scratch database: source it after setting PGHOST,
# PGPORT, PGSUPERUSER, DB, ROLE, PASSWORD and PORT. It creates WORK and removes it (and, unless KEEP_DB=1, the
# database) on exit.

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
    if [ "${KEEP_DB:-0}" != 1 ]; then superuser_psql -c "drop database if exists $DB" >/dev/null 2>&1 || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# Packages the app when the jar is missing or older than the sources, and runs a private copy of it.
package_app() {
    if [ ! -f target/quarkus-app/quarkus-run.jar ] || [ -n "$(find src/main pom.xml -newer target/quarkus-app/quarkus-run.jar -print -quit)" ]; then
        log "Packaging the application"
        ./mvnw -B -q package -DskipTests
    fi
    cp -r target/quarkus-app "$WORK/app"
}

create_scratch_db() {
    log "Creating scratch database $DB"
    superuser_psql -tc "select 1 from pg_roles where rolname = '$ROLE'" | grep -q 1 \
        || superuser_psql -c "create role $ROLE login password '$PASSWORD'"
    superuser_psql -c "drop database if exists $DB" -c "create database $DB owner $ROLE"
}

# Starts the app on PORT and the scratch database, with the extra environment given as NAME=value arguments,
# and waits until it is ready.
start_app() {
    log "Starting the packaged API on port $PORT"
    env QUARKUS_HTTP_PORT="$PORT" QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
        QUARKUS_DATASOURCE_USERNAME="$ROLE" QUARKUS_DATASOURCE_PASSWORD="$PASSWORD" QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
        "$@" java -jar "$WORK/app/quarkus-run.jar" > "$WORK/app.log" 2>&1 &
    APP_PID=$!
    until curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null; do
        kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; exit 1; }
        sleep 0.2
    done
}

#!/usr/bin/env bash
# The website's browser tests, end to end: packages the API (if its sources changed) and starts it on a scratch
# database (seed only, CORS open to the site's origin), adds a photo (e2e/prepare.mjs), builds the site against
# it, serves dist/ from another port and runs e2e/site.test.mjs in Debian's Chromium. Screenshots and page
# figures land in target/web-screenshots/ at the repository's top.
#
#   src/web/e2e/run.sh          # needs Java 17, Node 20 with `npm ci` done in src/web, /usr/bin/chromium, and
#                               # PostgreSQL on $PGHOST:$PGPORT reachable as a superuser
set -euo pipefail
cd "$(dirname "$0")/../../.."

PORT=${API_PORT:-8095}
SITE_PORT=${SITE_PORT:-4321}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGSUPERUSER=${PGSUPERUSER:-postgres}
DB=${E2E_DB:-twinning_web_e2e}
ROLE=twinning
PASSWORD=twinning
ADMIN=e2e-admin
ADMIN_PASSWORD=e2e-admin-password
SITE="http://127.0.0.1:$SITE_PORT"
API="http://127.0.0.1:$PORT"
SHOTS="$PWD/target/web-screenshots"
# shellcheck source=bench/lib/scratch-app.sh
. bench/lib/scratch-app.sh
PREVIEW_PID=
trap 'if [ -n "$PREVIEW_PID" ]; then kill "$PREVIEW_PID" 2>/dev/null || true; fi; cleanup' EXIT

[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }
package_app
create_scratch_db
start_app TWINNING_ADMIN_USERNAME=$ADMIN TWINNING_ADMIN_PASSWORD=$ADMIN_PASSWORD TWINNING_CORS_ORIGINS="$SITE"

cd src/web
log "Preparing the scratch API and building the site from it"
API_URL=$API ADMIN=$ADMIN ADMIN_PASSWORD=$ADMIN_PASSWORD node e2e/prepare.mjs
ASTRO_TELEMETRY_DISABLED=1 TWINNING_API_URL=$API npm run build --silent > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }

log "Serving dist/ at $SITE"
# node_modules/.bin/astro is the Node process itself (npx would be a wrapper that outlives a kill).
ASTRO_TELEMETRY_DISABLED=1 node_modules/.bin/astro preview --host 127.0.0.1 --port "$SITE_PORT" > "$WORK/preview.log" 2>&1 &
PREVIEW_PID=$!
for _ in $(seq 100); do curl -sf "$SITE/" > /dev/null && break; sleep 0.2; done

log "Running the browser tests"
rm -rf "$SHOTS"
SITE_URL=$SITE API_URL=$API SCREENSHOTS=$SHOTS node --test --test-concurrency=1 --test-reporter=spec e2e/site.test.mjs

#!/usr/bin/env bash
# End-to-end: the packaged backend (with the built SPA) on a fresh embedded database, driven by Playwright
# in Debian's Chromium. Run from the repository root by `make test-e2e`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
port=${E2E_PORT:-18080}
db_port=${E2E_DB_PORT:-5434}
work="$root/backend/target/e2e"
rm -rf "$work" && mkdir -p "$work"

export JAVA_HOME=${JAVA_HOME:-$("$root/scripts/find-jdk.sh")}
export CHROMIUM_PATH=$("$root/scripts/ensure-chromium.sh")

(cd "$root/backend" && ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.output-directory=e2e/app)

export E2E_ADMIN_USERNAME=admin E2E_ADMIN_PASSWORD=e2e-admin-password
LABGATE_DATA_DIR="$work/data" LABGATE_DB_PORT="$db_port" LABGATE_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" \
  QUARKUS_PROFILE=embedded QUARKUS_HTTP_PORT="$port" "$JAVA_HOME/bin/java" -jar "$work/app/quarkus-run.jar" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "backend failed to start:"; tail -50 "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fs "http://localhost:$port/q/health/ready" >/dev/null || { echo "backend not ready"; tail -50 "$work/server.log"; exit 1; }

cd "$root/frontend"
# Specs that need history the API cannot write (a month that has passed) seed it through the app's JDBC driver.
E2E_BASE_URL="http://localhost:$port" E2E_DB_PORT="$db_port" E2E_APP_DIR="$work/app" npm run e2e

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

# The host platform's OpenID provider (the one the backend tests use: backend/src/test/oidc), so the platform
# sign-in is tried end to end; it prints "listening <issuer>" once it takes connections.
oidc_dir="$root/backend/src/test/oidc"
if [ ! -f "$oidc_dir/node_modules/.package-lock.json" ] || [ "$oidc_dir/package-lock.json" -nt "$oidc_dir/node_modules/.package-lock.json" ]; then
  (cd "$oidc_dir" && npm ci --no-audit --no-fund >/dev/null)
fi
oidc_secret=e2e-platform-client-secret-0123456789abcdef
(cd "$oidc_dir" && OIDC_PORT=0 OIDC_CLIENT_ID=labgate OIDC_CLIENT_SECRET="$oidc_secret" \
  OIDC_REDIRECT_URIS="http://localhost:$port/api/auth/oidc/callback" exec node provider.mjs) > "$work/openid-provider.log" 2>&1 &
provider=$!
trap 'kill $provider 2>/dev/null; wait $provider 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  grep -q '^listening ' "$work/openid-provider.log" && break
  kill -0 $provider 2>/dev/null || { echo "OpenID provider failed to start:"; cat "$work/openid-provider.log"; exit 1; }
  sleep 0.25
done
export E2E_OIDC_ISSUER=$(sed -n 's/^listening //p' "$work/openid-provider.log")
[ -n "$E2E_OIDC_ISSUER" ] || { echo "OpenID provider did not start"; cat "$work/openid-provider.log"; exit 1; }

export E2E_ADMIN_USERNAME=admin E2E_ADMIN_PASSWORD=e2e-admin-password
LABGATE_DATA_DIR="$work/data" LABGATE_DB_PORT="$db_port" LABGATE_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" \
  LABGATE_OIDC_ENABLED=true LABGATE_OIDC_ISSUER="$E2E_OIDC_ISSUER" LABGATE_OIDC_CLIENT_ID=labgate \
  LABGATE_OIDC_CLIENT_SECRET="$oidc_secret" LABGATE_SSO_ROLE_CLAIM=groups LABGATE_SSO_SUPERADMIN_VALUES=labgate-admins \
  LABGATE_SSO_DEFAULT_PLAN=basic \
  QUARKUS_PROFILE=embedded QUARKUS_HTTP_PORT="$port" "$JAVA_HOME/bin/java" -jar "$work/app/quarkus-run.jar" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server $provider 2>/dev/null; wait $server $provider 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -fs "http://localhost:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "backend failed to start:"; tail -50 "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fs "http://localhost:$port/q/health/ready" >/dev/null || { echo "backend not ready"; tail -50 "$work/server.log"; exit 1; }

cd "$root/frontend"
# Specs that need history the API cannot write (a month that has passed) seed it through the app's JDBC driver.
E2E_BASE_URL="http://localhost:$port" E2E_DB_PORT="$db_port" E2E_APP_DIR="$work/app" npm run e2e

#!/usr/bin/env bash
# `make test` must pass while `make run` runs in another terminal. This starts the packaged app as `make run` does
# (embedded PostgreSQL on its fixed port 5433, HTTP on 8080, its own data folder — here a temporary one), runs a
# real backend test while it is up, checks the app is still up afterwards, then stops the app and its PostgreSQL.
# When 5433 or 8080 is taken already (someone's real `make run`), it runs the test beside that instead.
# Run from the repository root by `make test-beside-run`; BESIDE_RUN_TEST picks the test (default SandboxChatTest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
db_port=${DB_PORT:-5433}
http_port=8080
test_class=${BESIDE_RUN_TEST:-SandboxChatTest}
export JAVA_HOME=${JAVA_HOME:-$("$root/scripts/find-jdk.sh")}
start=$SECONDS

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
say() { echo "test-beside-run: $*"; }

run_test() {
  say "running $test_class beside the app"
  (cd "$root/backend" && ./mvnw -B -ntp test -Dtest="$test_class") \
    > "$1" 2>&1 || { tail -60 "$1"; say "FAILED: $test_class failed while the app was up"; return 1; }
  grep -E "Tests run: [0-9]+, Failures" "$1" | tail -1
}

busy=""
listening "$db_port" && busy="$db_port (PostgreSQL)"
listening "$http_port" && busy="${busy:+$busy and }$http_port (HTTP)"
if [ -n "$busy" ]; then
  say "port $busy already in use — someone's \`make run\` is up; running the test beside it instead of a second app"
  log=$(mktemp -t labgate-beside-run-test.XXXXXX.log)
  run_test "$log"
  rm -f "$log"
  say "passed beside the running app in $((SECONDS - start)) s"
  exit 0
fi

work=$(mktemp -d -t labgate-beside-run.XXXXXX)
app_dir="$root/backend/target/beside-run/app"
app=""

# Stops our app (SIGTERM: it stops its PostgreSQL on the way out), then our PostgreSQL if it is somehow still
# there — found by the postmaster.pid of our data folder, never by name: other tests and people run PostgreSQL too.
stop() {
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then
    kill "$app" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app" 2>/dev/null || true
  fi
  local pidfile="$work/data/pg/postmaster.pid"
  if [ -f "$pidfile" ]; then
    local pg
    pg=$(head -1 "$pidfile")
    if [ -n "$pg" ] && tr '\0' ' ' < "/proc/$pg/cmdline" 2>/dev/null | grep -qF "$work/data/pg"; then
      kill "$pg" 2>/dev/null || true
      for _ in $(seq 1 20); do kill -0 "$pg" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pg" 2>/dev/null || true
    fi
  fi
  rm -rf "$work"
}
trap stop EXIT

say "building the app as \`make run\` does (PostgreSQL port $db_port, data in $work/data)"
rm -rf "$app_dir"
(cd "$root/backend" && ./mvnw -B -ntp -q package -DskipTests \
  -Dquarkus.embedded.postgresql.data.dir="$work/data/pg" -Dquarkus.embedded.postgresql.port="$db_port" \
  -Dquarkus.package.output-directory=beside-run/app) > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; say "FAILED: the app did not build"; exit 1; }

LABGATE_DATA_DIR="$work/data" QUARKUS_PROFILE=embedded "$JAVA_HOME/bin/java" -jar "$app_dir/quarkus-run.jar" \
  > "$work/app.log" 2>&1 &
app=$!
ready() { curl -fs "http://localhost:$http_port/q/health/ready" > /dev/null 2>&1; }
for _ in $(seq 1 120); do
  ready && break
  kill -0 "$app" 2>/dev/null || { tail -40 "$work/app.log"; say "FAILED: the app did not start"; exit 1; }
  sleep 0.5
done
ready || { tail -40 "$work/app.log"; say "FAILED: the app is not ready"; exit 1; }
[ -f "$work/data/pg/postmaster.pid" ] || { say "FAILED: the app's PostgreSQL is not the one in $work/data/pg"; exit 1; }
say "app up on $http_port with PostgreSQL on $db_port after $((SECONDS - start)) s"

run_test "$work/test.log"
ready || { tail -40 "$work/app.log"; say "FAILED: the app went down while the test ran"; exit 1; }
say "passed while the app was up, which still is; $((SECONDS - start)) s in all"

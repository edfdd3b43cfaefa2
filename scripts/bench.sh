#!/usr/bin/env bash
# make bench: LabGate (quota and usage logging on) in front of a stub OpenAI-compatible upstream, measured
# against calling the stub directly. Loopback only; the gateway is pinned to core 1, stub, load generator
# and PostgreSQL to core 0. Then the analytics queries over 10 M usage rows. Writes docs/benchmarks.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/backend/target/bench"
gw_port=${BENCH_PORT:-18081}
stub_port=${BENCH_STUB_PORT:-18099}
db_port=${BENCH_DB_PORT:-5435}
export JAVA_HOME=${JAVA_HOME:-$("$root/scripts/find-jdk.sh")}
rm -rf "$work" && mkdir -p "$work"

(cd "$root/scripts/bench" && npm ci --no-audit --no-fund --silent)
(cd "$root/backend" && ./mvnw -B -ntp -q package -DskipTests -Dquarkus.package.output-directory=bench/app)

pids=()
# The embedded PostgreSQL does not always stop with the app: stop it too, so the next run starts clean.
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
  pkill -f -- "bin/postgres -D .* -p $db_port" 2>/dev/null || true
}
trap cleanup EXIT

STUB_PORT=$stub_port taskset -c 0 node "$root/scripts/bench/stub.mjs" > "$work/stub.log" 2>&1 &
pids+=($!)
# An upstream that takes 1.5 s (a reasoning model), for the many-calls-in-flight row.
slow_port=${BENCH_SLOW_STUB_PORT:-18098}
STUB_PORT=$slow_port LATENCY_MS=1500 taskset -c 0 node "$root/scripts/bench/stub.mjs" > "$work/slow-stub.log" 2>&1 &
pids+=($!)
# The peer measured beside LabGate: Portkey's OSS gateway (npm @portkey-ai/gateway), on the same core as LabGate.
peer_port=${BENCH_PEER_PORT:-18787}
taskset -c 1 node "$root/scripts/bench/node_modules/@portkey-ai/gateway/build/start-server.js" --port="$peer_port" \
  > "$work/peer.log" 2>&1 &
pids+=($!)
# The heap the gateway needs (its live set is about 100 MB), grown from small; glibc's malloc arenas capped as in the
# container (deploy/kubernetes/base/kustomization.yaml).
MALLOC_ARENA_MAX=2 LABGATE_DATA_DIR="$work/data" LABGATE_DB_PORT=$db_port LABGATE_ADMIN_PASSWORD=bench-admin-password QUARKUS_PROFILE=embedded \
  QUARKUS_HTTP_PORT=$gw_port QUARKUS_LOG_LEVEL=WARN \
  taskset -c 1 "$JAVA_HOME/bin/java" -Xms64m -Xmx192m ${BENCH_JAVA_OPTS:-} -jar "$work/app/quarkus-run.jar" > "$work/server.log" 2>&1 &
gw_pid=$!
pids+=($gw_pid)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$gw_port/q/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
for pid in $(pgrep -f -- "bin/postgres -D .* -p $db_port" || true); do taskset -pc 0 "$pid" >/dev/null || true; done

api() { curl -fs -H 'Content-Type: application/json' ${TOKEN:+-H "Authorization: Bearer $TOKEN"} "$@"; }
json() { node -e "let s='';process.stdin.on('data',c=>s+=c).on('end',()=>console.log(JSON.parse(s)$1))"; }
base="http://127.0.0.1:$gw_port"
TOKEN=$(api -X POST "$base/api/auth/login" -d '{"username":"admin","password":"bench-admin-password"}' | json .access_token)
# Every limit set (high), so each call reserves on all five counters: the member's day and month, the setting's
# hour, day and month.
plan=$(api -X POST "$base/api/admin/plans" -d '{"name":"bench","display_name":"Benchmark","monthly_cost":0,"monthly_token_limit":1000000000000,"daily_request_limit":10000000,"features":["chatbot"]}' | json .id)
setting=$(api -X POST "$base/api/admin/ai-settings" -d "{\"name\":\"bench stub\",\"provider\":\"openai_compatible\",\"base_url\":\"http://127.0.0.1:$stub_port/v1\",\"model_name\":\"bench-model\",\"max_tokens\":256,\"temperature\":0.7,\"hourly_limit\":1000000000,\"daily_limit\":1000000000,\"monthly_limit\":1000000000}" | json .id)
member=$(api -X POST "$base/api/admin/members" -d '{"username":"bencher","email":"bench@lab.example","password":"bench-password-1","role":"researcher"}' | json .id)
api -X POST "$base/api/admin/user-ai-access" -d "{\"user_id\":$member,\"ai_plan_id\":$plan,\"ai_settings_id\":$setting}" >/dev/null
TOKEN=$(api -X POST "$base/api/auth/login" -d '{"username":"bencher","password":"bench-password-1"}' | json .access_token)
key=$(api -X POST "$base/api/me/api-keys" -d '{"name":"bench"}' | json .key)
# 100 more researchers on the same plan and provider, for throughput spread over many members' counters.
TOKEN=$(api -X POST "$base/api/auth/login" -d '{"username":"admin","password":"bench-admin-password"}' | json .access_token)
many_keys=""
for i in $(seq 1 100); do
  m=$(TOKEN=$TOKEN api -X POST "$base/api/admin/members" -d "{\"username\":\"bench$i\",\"email\":\"bench$i@lab.example\",\"password\":\"bench-password-$i\",\"role\":\"researcher\"}" | json .id)
  TOKEN=$TOKEN api -X POST "$base/api/admin/user-ai-access" -d "{\"user_id\":$m,\"ai_plan_id\":$plan,\"ai_settings_id\":$setting}" >/dev/null
  t=$(api -X POST "$base/api/auth/login" -d "{\"username\":\"bench$i\",\"password\":\"bench-password-$i\"}" | json .access_token)
  many_keys+="$(TOKEN=$t api -X POST "$base/api/me/api-keys" -d '{"name":"bench"}' | json .key),"
done
# A researcher on a provider setting of their own (no hourly or daily limit); prints their API key.
researcher_on() { # setting name, base URL, model name, username, password
  local admin setting member token
  admin=$(api -X POST "$base/api/auth/login" -d '{"username":"admin","password":"bench-admin-password"}' | json .access_token)
  setting=$(TOKEN=$admin api -X POST "$base/api/admin/ai-settings" -d "{\"name\":\"$1\",\"provider\":\"openai_compatible\",\"base_url\":\"$2\",\"model_name\":\"$3\",\"max_tokens\":256,\"temperature\":0.7,\"hourly_limit\":0,\"daily_limit\":0,\"monthly_limit\":100000000}" | json .id)
  member=$(TOKEN=$admin api -X POST "$base/api/admin/members" -d "{\"username\":\"$4\",\"email\":\"$4@lab.example\",\"password\":\"$5\",\"role\":\"researcher\"}" | json .id)
  TOKEN=$admin api -X POST "$base/api/admin/user-ai-access" -d "{\"user_id\":$member,\"ai_plan_id\":$plan,\"ai_settings_id\":$setting}" >/dev/null
  token=$(api -X POST "$base/api/auth/login" -d "{\"username\":\"$4\",\"password\":\"$5\"}" | json .access_token)
  TOKEN=$token api -X POST "$base/api/me/api-keys" -d '{"name":"bench"}' | json .key
}
# One whose provider answers slowly (a reasoning model), for the many-calls-in-flight row.
slow_key=$(researcher_on "bench slow stub" "http://127.0.0.1:$slow_port/v1" bench-model slowbencher bench-password-2)
# One whose provider streams as the issue's upstream did: 64 deltas 20 ms apart (the model's name tells the stub),
# for the sustained-streams row.
paced_key=$(researcher_on "bench paced stub" "http://127.0.0.1:$stub_port/v1" bench-model-gap20 pacedbencher bench-password-3)
# LabGate's resident memory, sampled through the whole run.
(while kill -0 "$gw_pid" 2>/dev/null; do ps -o rss= -p "$gw_pid"; sleep 0.2; done > "$work/rss.log") &

sql() {
  for db in postgres quarkus labgate; do
    PGPASSWORD=postgres psql -h 127.0.0.1 -p "$db_port" -U postgres -d "$db" -tA -c "$1" 2>/dev/null && return
  done
  echo unknown
}
# PostgreSQL work per call: committed transactions and rows written, all sessions, over the whole run.
db_work="select sum(xact_commit) || ' ' || sum(tup_inserted + tup_updated + tup_deleted) from pg_stat_database"
work_before=$(sql "$db_work")
requests_before=$(sql "select coalesce(sum(requests_today), 0) from user_ai_access")

peer_version=$(node -p "require('$root/scripts/bench/node_modules/@portkey-ai/gateway/package.json').version")
GATEWAY_URL=$base DIRECT_URL="http://127.0.0.1:$stub_port" API_KEY=$key API_KEYS="${many_keys%,}" \
  PEER_URL="http://127.0.0.1:$peer_port" PEER_NAME="Portkey OSS gateway $peer_version" SLOW_API_KEY=$slow_key PACED_API_KEY=$paced_key \
  taskset -c 0 node "$root/scripts/bench/measure.mjs" > "$work/result.json"

# Log parity: every 2xx through the gateway has its usage_logs row once the ledger drained.
sleep 3
work_after=$(sql "$db_work")
rows=$(sql "select count(*) from usage_logs where status = 'ok'")
requests=$(sql "select coalesce(sum(requests_today), 0) from user_ai_access")
rss=$(ps -o rss= -p "$gw_pid" | awk '{printf "%d", $1/1024}')
calls=$((requests - requests_before))
db_per_call=$(node -e "const [t0,r0]='$work_before'.split(' ').map(Number),[t1,r1]='$work_after'.split(' ').map(Number);console.log(((t1-t0)/$calls).toFixed(2)+' '+((r1-r0)/$calls).toFixed(2))")
max_rss=$(sort -n "$work/rss.log" | tail -1 | awk '{printf "%d", $1/1024}')
# Analytics: 10 M generated usage rows and their roll-ups in a PostgreSQL server of the system's (its own temporary
# folder and port), the endpoint's queries timed. After the gateway run, which it would otherwise compete with.
# BENCH_ANALYTICS=0 skips this step (about 6 minutes); the page then has no analytics section.
cleanup
pids=()
analytics=""
if [ "${BENCH_ANALYTICS:-1}" = 1 ]; then
  "$root/scripts/ensure-postgres.sh"
  (cd "$root/backend" && ./mvnw -B -ntp -q test -Dtest=AnalyticsBench -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlabgate.bench.out="$work/analytics.json")
  analytics="$work/analytics.json"
fi
node "$root/scripts/bench/report.mjs" "$work/result.json" "$rows" "$requests" "$rss" "$db_per_call" "$max_rss" \
  $analytics > "$root/docs/benchmarks.md"
echo "wrote docs/benchmarks.md"
cat "$root/docs/benchmarks.md"

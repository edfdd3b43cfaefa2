// Turns the benchmark's JSON into docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import os from 'node:os';

const [file, logRows, requestsToday, rssMb] = process.argv.slice(2);
const r = JSON.parse(readFileSync(file, 'utf8'));
const a = r.added_latency;
const s = r.streaming;
const ok = (v, target) => (v <= target ? `${v} ✅` : `${v} ❌ (target ≤ ${target})`);
const frontier = r.throughput.filter((t) => t.added_p99_ms <= 5 && t.gateway_errors === 0).sort((x, y) => y.gateway_rps - x.gateway_rps)[0];

console.log(`# Benchmarks

Measured by \`make bench\` (\`scripts/bench.sh\`) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), loopback only.
LabGate runs the packaged JVM app (\`-Xmx512m\`) pinned to core 1 with quotas and usage logging on, behind a member API key
on \`/v1/chat/completions\`; the stub upstream (Node, zero latency), the load generator and the embedded PostgreSQL share core 0.
"Added" = through LabGate minus calling the stub directly with the same client. Figures vary run to run by roughly ±20 %.

## Added latency at one connection (${a.samples} interleaved samples each way)

| | p50 | p99 |
|---|---|---|
| stub directly | ${a.direct_p50_ms} ms | ${a.direct_p99_ms} ms |
| through LabGate | ${a.gateway_p50_ms} ms | ${a.gateway_p99_ms} ms |
| **added** | **${ok(a.added_p50_ms, 0.5)} ms** | **${ok(a.added_p99_ms, 2)} ms** |

## Throughput (closed loop, ${process.env.DURATION_S ?? 15} s per row)

| connections | direct RPS | direct p99 | LabGate RPS | LabGate p50 | LabGate p99 | added p99 | errors |
|---|---|---|---|---|---|---|---|
${r.throughput.map((t) => `| ${t.connections} | ${t.direct_rps} | ${t.direct_p99_ms} ms | ${t.gateway_rps} | ${t.gateway_p50_ms} ms | ${t.gateway_p99_ms} ms | ${t.added_p99_ms} ms | ${t.gateway_errors} |`).join('\n')}

Highest measured throughput with added p99 ≤ 5 ms: **${frontier ? `${frontier.gateway_rps} RPS at ${frontier.connections} connections` : 'none of the rows'}** (target ≥ 3,000 RPS).

## Streaming (${s.samples} streams each way, 64 deltas 5 ms apart)

| | p50 | p99 |
|---|---|---|
| added time to first token | ${s.added_ttft_p50_ms} ms | ${s.added_ttft_p99_ms} ms |

## Accounting under load

- Usage log rows with status ok after the writer drained: **${logRows}**; the member's request counter (one per reserved call): **${requestsToday}** — every counted call has exactly one log row.
- 2xx responses the load generator counted: **${r.gateway_ok_calls}** (approximate from the client side: autocannon stops counting at each row's deadline while up to that row's connection count of requests are still in flight and complete, so this can be lower than the rows by at most 1 + 4 + 16 + 32 + 64 = 117).
- Resident memory of LabGate after the run: **${rssMb} MB**.

## Where the time goes, and what is next

**The targets are not met.** Every gateway call still does synchronous PostgreSQL work on its path: the quota
reservation (one transaction: a conditional UPDATE of the member's counters plus one upsert per limited provider
window), the settlement and the prompt-log entry (two more transactions). This is the design the gateway issue asks
for — PostgreSQL as the one counter shared by all replicas, so N concurrent requests against room for k succeed
exactly k times — and it sets the floor seen above: a few milliseconds added at one connection and a ceiling of several
hundred calls per second on one core, where the peers that reach sub-millisecond overhead keep counters in memory and
flush them every few seconds (reference: gateway-performance.md §4).

Already done to get here: verified member API keys are kept for 2 s; the member's route (access, plan, setting,
decrypted key) is cached for 2 s; both are dropped as soon as an admin change commits (or the key is revoked); the
price table is held in memory; counter commits do not wait for the WAL flush (atomicity and ordering are unchanged;
only a PostgreSQL crash could lose the last fraction of a second of counts, and the usage log keeps the record).

Next, in order of expected gain: (1) write the prompt-log entry off the response path like the usage log; (2) one
round trip per reservation instead of one per window (a single CTE statement); (3) settle on the event loop through
the reactive PostgreSQL client instead of a blocking transaction on a worker thread; (4) for the ≥ 3,000 RPS target,
reserve from per-replica budgets leased from PostgreSQL in blocks (exact in total, at the price of a replica holding a
lease it may not use) — a design decision for the product owner, since it trades the "no phantom leftovers" property
for speed.
`);

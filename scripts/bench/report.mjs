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

- Calls answered 2xx through LabGate during the run: **${r.gateway_ok_calls}**; usage log rows with status ok after the writer drained: **${logRows}**; the member's request counter: **${requestsToday}**.
- Resident memory of LabGate after the run: **${rssMb} MB**.

## Where the time goes, and what is next

Every gateway call does synchronous PostgreSQL work: it resolves the member's route (access, plan, setting, key
decryption), reserves quota in one transaction (conditional UPDATE + window upserts) and settles it in another; the usage
log row is written off the response path in batches. That keeps quotas exact across replicas, and it is most of the
added latency and the throughput ceiling measured above. The next steps, in order of expected gain: cache the resolved
route per member for a few seconds (invalidated on admin changes), fold reserve and settle into fewer round trips, and
move the blocking work from worker threads to virtual threads.
`);

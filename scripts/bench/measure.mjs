// Measures LabGate against the stub it fronts: added latency at one connection (direct and gateway calls
// interleaved round by round), throughput at rising concurrency, and added time to first token for streams.
// Writes a JSON summary to stdout.
import http from 'node:http';
import autocannon from 'autocannon';
import * as hdr from 'hdr-histogram-js';

const gateway = process.env.GATEWAY_URL; // http://127.0.0.1:18081
const direct = process.env.DIRECT_URL; // http://127.0.0.1:18099
const key = process.env.API_KEY;
// A peer gateway measured in the same run against the same stub (Portkey's OSS gateway), when given.
const peer = process.env.PEER_URL;
const peerHeaders = { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${direct}/v1`, authorization: 'Bearer sk-bench' };
const samples = Number(process.env.SAMPLES ?? 5000);
const duration = Number(process.env.DURATION_S ?? 15);
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const body = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'Is a CR of 0.08 acceptable?' }], max_tokens: 64 });
const streamBody = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: 'stream' }], max_tokens: 128, stream: true, stream_options: { include_usage: true } });

function post(base, payload, onFirstData, headers = { authorization: `Bearer ${key}` }) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    let first = null;
    const req = http.request(`${base}/v1/chat/completions`, {
      method: 'POST', agent,
      headers: { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      let seen = '';
      res.on('data', (c) => {
        if (first === null && onFirstData) {
          seen += c;
          if (seen.includes('"content":"w0')) first = process.hrtime.bigint();
        }
      });
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}`));
        const end = process.hrtime.bigint();
        resolve({ total: Number(end - start) / 1e6, ttft: first === null ? null : Number(first - start) / 1e6 });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const histogram = () => hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: 3 });
const ms = (h, p) => h.getValueAtPercentile(p) / 1000; // recorded in µs

async function addedLatency() {
  const d = histogram();
  const g = histogram();
  for (let i = 0; i < 500; i++) { await post(direct, body); await post(gateway, body); } // warm-up
  for (let i = 0; i < samples; i++) {
    d.recordValue(Math.round((await post(direct, body)).total * 1000));
    g.recordValue(Math.round((await post(gateway, body)).total * 1000));
  }
  return {
    samples,
    direct_p50_ms: ms(d, 50), direct_p99_ms: ms(d, 99),
    gateway_p50_ms: ms(g, 50), gateway_p99_ms: ms(g, 99),
    added_p50_ms: +(ms(g, 50) - ms(d, 50)).toFixed(3), added_p99_ms: +(ms(g, 99) - ms(d, 99)).toFixed(3),
  };
}

function load(url, connections, auth, headers = auth ? { authorization: `Bearer ${key}` } : {}, seconds = duration) {
  return new Promise((resolve, reject) => {
    autocannon({
      url: `${url}/v1/chat/completions`, method: 'POST', body, connections, duration: seconds, pipelining: 1,
      headers: { 'content-type': 'application/json', ...headers },
    }, (err, r) => (err ? reject(err) : resolve({
      connections, rps: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99,
      errors: r.errors + r.non2xx, total: r.requests.total,
    })));
  });
}

async function throughput() {
  const rows = [];
  for (const c of [1, 4, 16, 32, 64]) {
    const d = await load(direct, c, false);
    const g = await load(gateway, c, true);
    rows.push({ connections: c, direct_rps: d.rps, direct_p99_ms: d.p99_ms, gateway_rps: g.rps, gateway_p50_ms: g.p50_ms,
      gateway_p99_ms: g.p99_ms, added_p99_ms: +(g.p99_ms - d.p99_ms).toFixed(2), gateway_errors: g.errors, gateway_requests: g.total });
  }
  return rows;
}

/** 64 connections whose calls go round 100 members' keys: every call on other counters than the last. */
function spread(connections) {
  const keys = (process.env.API_KEYS ?? '').split(',').filter(Boolean);
  if (keys.length === 0) return Promise.resolve(null);
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon({
      url: `${gateway}/v1/chat/completions`, method: 'POST', connections, duration, pipelining: 1,
      requests: [{ method: 'POST', body, setupRequest: (req) => ({ ...req,
        headers: { ...req.headers, 'content-type': 'application/json', authorization: `Bearer ${keys[next++ % keys.length]}` } }) }],
    }, (err, r) => (err ? reject(err) : resolve({ members: keys.length, connections, rps: Math.round(r.requests.average),
      p50_ms: r.latency.p50, p99_ms: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total })));
  });
}

async function streaming() {
  const d = histogram();
  const g = histogram();
  const n = Number(process.env.STREAM_SAMPLES ?? 100);
  for (let i = 0; i < 10; i++) { await post(direct, streamBody, true); await post(gateway, streamBody, true); }
  for (let i = 0; i < n; i++) {
    d.recordValue(Math.round((await post(direct, streamBody, true)).ttft * 1000));
    g.recordValue(Math.round((await post(gateway, streamBody, true)).ttft * 1000));
  }
  return { samples: n, direct_ttft_p50_ms: ms(d, 50), gateway_ttft_p50_ms: ms(g, 50),
    added_ttft_p50_ms: +(ms(g, 50) - ms(d, 50)).toFixed(3), added_ttft_p99_ms: +(ms(g, 99) - ms(d, 99)).toFixed(3) };
}

/** The peer, like LabGate: added latency at one connection (interleaved with direct calls) and throughput. */
async function peerResult() {
  if (!peer) return null;
  const d = histogram();
  const g = histogram();
  for (let i = 0; i < 500; i++) { await post(direct, body); await post(peer, body, false, peerHeaders); }
  for (let i = 0; i < samples; i++) {
    d.recordValue(Math.round((await post(direct, body)).total * 1000));
    g.recordValue(Math.round((await post(peer, body, false, peerHeaders)).total * 1000));
  }
  const rows = [];
  for (const c of [1, 4, 16, 32, 64]) {
    const r = await load(peer, c, false, peerHeaders);
    rows.push({ connections: c, rps: r.rps, p50_ms: r.p50_ms, p99_ms: r.p99_ms, errors: r.errors });
  }
  return { name: process.env.PEER_NAME ?? 'peer', added_p50_ms: +(ms(g, 50) - ms(d, 50)).toFixed(3),
    added_p99_ms: +(ms(g, 99) - ms(d, 99)).toFixed(3), throughput: rows };
}

/** One stream on its own connection: complete (ended with [DONE])? time to the first delta, deltas received. */
function openStream(wide, base, headers, payload) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    let first = null;
    let seen = '';
    const req = http.request(`${base}/v1/chat/completions`, { method: 'POST', agent: wide,
      headers: { 'content-type': 'application/json', ...headers, 'content-length': Buffer.byteLength(payload) } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (c) => {
        seen += c;
        if (first === null && seen.includes('"content":"w0')) first = process.hrtime.bigint();
      });
      res.on('end', () => resolve({ ok: res.statusCode === 200 && seen.includes('[DONE]'),
        ttft: first === null ? null : Number(first - start) / 1e6, deltas: (seen.match(/"content":"w\d+ "/g) ?? []).length }));
    });
    req.on('error', () => resolve({ ok: false, ttft: null, deltas: 0 }));
    req.end(payload);
  });
}

/** n streams at once, through LabGate and directly: time to first token and frames that did not arrive. */
async function manyStreams(n) {
  const wide = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const run = async (base, headers) => {
    const results = await Promise.all(Array.from({ length: n }, () => openStream(wide, base, headers, streamBody)));
    const h = histogram();
    results.filter((r) => r.ttft !== null).forEach((r) => h.recordValue(Math.round(r.ttft * 1000)));
    return { ok: results.filter((r) => r.ok).length, lost: results.reduce((sum, r) => sum + (64 - Math.min(64, r.deltas)), 0), h };
  };
  const d = await run(direct, {});
  const g = await run(gateway, { authorization: `Bearer ${key}` });
  wide.destroy();
  return { streams: n, gateway_ok: g.ok, gateway_lost_frames: g.lost, direct_ttft_p99_ms: ms(d.h, 99),
    gateway_ttft_p50_ms: ms(g.h, 50), gateway_ttft_p99_ms: ms(g.h, 99), added_ttft_p99_ms: +(ms(g.h, 99) - ms(d.h, 99)).toFixed(3) };
}

/**
 * n streams kept in flight for `seconds` (each one that ends is followed by the next), through LabGate and directly,
 * against the paced setting (PACED_API_KEY: 64 deltas `gapMs` apart, the upstream): time to first token
 * of the streams started after the ramp (the first stream's length), and frames that did not arrive.
 */
async function sustainedStreams(n, seconds, gapMs) {
  const pacedKey = process.env.PACED_API_KEY;
  if (!pacedKey) return null;
  const payload = streamBody.replace('"bench-model"', `"bench-model-gap${gapMs}"`);
  const rampMs = 66 * gapMs;
  const run = async (base, headers) => {
    const wide = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const h = histogram();
    let ok = 0;
    let failed = 0;
    let lost = 0;
    const start = Date.now();
    await Promise.all(Array.from({ length: n }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i * rampMs) / n));
      while (Date.now() - start < seconds * 1000) {
        const begun = Date.now();
        const r = await openStream(wide, base, headers, payload);
        if (r.ok) ok++; else failed++;
        lost += 64 - Math.min(64, r.deltas);
        if (begun - start >= rampMs && r.ttft !== null) h.recordValue(Math.round(r.ttft * 1000));
      }
    }));
    wide.destroy();
    return { ok, failed, lost, h };
  };
  const d = await run(direct, {});
  const g = await run(gateway, { authorization: `Bearer ${pacedKey}` });
  return { streams: n, seconds, gap_ms: gapMs, gateway_ok: g.ok, gateway_failed: g.failed, gateway_lost_frames: g.lost,
    direct_ok: d.ok, direct_ttft_p50_ms: ms(d.h, 50), direct_ttft_p99_ms: ms(d.h, 99),
    gateway_ttft_p50_ms: ms(g.h, 50), gateway_ttft_p99_ms: ms(g.h, 99),
    added_ttft_p50_ms: +(ms(g.h, 50) - ms(d.h, 50)).toFixed(3), added_ttft_p99_ms: +(ms(g.h, 99) - ms(d.h, 99)).toFixed(3) };
}

/** n calls at once against an upstream that takes its time (SLOW_API_KEY's setting): all answered? how long? */
async function inFlight(n) {
  const slowKey = process.env.SLOW_API_KEY;
  if (!slowKey) return null;
  const wide = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const h = histogram();
  let ok = 0;
  await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const req = http.request(`${gateway}/v1/chat/completions`, { method: 'POST', agent: wide,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${slowKey}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => { if (res.statusCode === 200) { ok++; h.recordValue(Math.round(Number(process.hrtime.bigint() - start) / 1000)); } resolve(); });
    });
    req.on('error', () => resolve());
    req.end(body);
  })));
  wide.destroy();
  return { calls: n, ok, p50_ms: ms(h, 50), p99_ms: ms(h, 99) };
}

// BENCH_ONLY=latency,throughput,spread,streaming,peer,many,sustained,inflight runs only those sections, when this script is run
// by hand against a running LabGate to profile one (make bench runs them all: its report needs every section).
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wanted = (name) => only.length === 0 || only.includes(name);
// Warm-up before any figure is taken (the JIT compiles the hot path under load), as the method in
// shared/reference/gateway-performance.md §7 asks; its calls count in the log parity like any other.
const warmup = Number(process.env.WARMUP_S ?? 60);
const warmed = warmup > 0 ? await load(gateway, 16, true, undefined, warmup) : null;
const latencyResult = wanted('latency') ? await addedLatency() : null;
const throughputResult = wanted('throughput') ? await throughput() : [];
const spreadResult = wanted('spread') ? await spread(64) : null;
const streamingResult = wanted('streaming') ? await streaming() : null;
const gatewayOk = (warmed ? warmed.total - warmed.errors : 0) + (latencyResult ? 500 + samples : 0) + throughputResult.reduce((n, r) => n + r.gateway_requests - r.gateway_errors, 0)
  + (streamingResult ? 10 + streamingResult.samples : 0);
const peerMeasured = wanted('peer') ? await peerResult() : null;
const manyStreamsResult = wanted('many') ? await manyStreams(Number(process.env.MANY_STREAMS ?? 500)) : null;
const sustainedResult = wanted('sustained') ? await sustainedStreams(Number(process.env.MANY_STREAMS ?? 500),
  Number(process.env.SUSTAINED_S ?? 20), Number(process.env.PACED_GAP_MS ?? 20)) : null;
const inFlightResult = wanted('inflight') ? await inFlight(Number(process.env.IN_FLIGHT ?? 1500)) : null;
const allOk = gatewayOk + (manyStreamsResult?.gateway_ok ?? 0) + (sustainedResult?.gateway_ok ?? 0) + (inFlightResult?.ok ?? 0)
  + (spreadResult ? spreadResult.total - spreadResult.errors : 0);
const result = { warmup_s: warmup, added_latency: latencyResult, throughput: throughputResult, spread: spreadResult, streaming: streamingResult, gateway_ok_calls: allOk, peer: peerMeasured,
  many_streams: manyStreamsResult, sustained_streams: sustainedResult, in_flight: inFlightResult };
console.log(JSON.stringify(result, null, 2));
agent.destroy();

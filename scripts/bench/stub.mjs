// A stub OpenAI-compatible upstream for the benchmark: chat completions (JSON, or SSE with a role chunk,
// N deltas `gapMs` apart, a usage chunk and [DONE]) and a models list. Fixed latency via LATENCY_MS. A model named
// `…-gap<ms>` streams its deltas that many ms apart instead.
import http from 'node:http';

const port = Number(process.env.STUB_PORT ?? 18099);
const latency = Number(process.env.LATENCY_MS ?? 0);
const deltas = Number(process.env.STREAM_DELTAS ?? 64);
const gapMs = Number(process.env.STREAM_GAP_MS ?? 5);

const completion = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1741569952, model: 'bench-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'The consistency ratio is acceptable below 0.1.' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 20, completion_tokens: 12, total_tokens: 32 },
});
const chunk = (delta, finish = null) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1741569952, model: 'bench-model', choices: [{ index: 0, delta, finish_reason: finish }], usage: null })}\n\n`;

http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url.endsWith('/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"object":"list","data":[{"id":"bench-model","object":"model"}]}');
    }
    const stream = body.includes('"stream":true');
    const paced = /"model":"[^"]*-gap(\d+)"/.exec(body);
    const gap = paced ? Number(paced[1]) : gapMs;
    setTimeout(() => {
      if (!stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(completion);
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk({ role: 'assistant', content: '' }));
      let i = 0;
      const tick = () => {
        if (i < deltas) {
          res.write(chunk({ content: `w${i} ` }));
          i++;
          return setTimeout(tick, gap);
        }
        res.write(chunk({}, 'stop'));
        res.write(`data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', model: 'bench-model', choices: [], usage: { prompt_tokens: 20, completion_tokens: deltas, total_tokens: 20 + deltas } })}\n\n`);
        res.end('data: [DONE]\n\n');
      };
      tick();
    }, latency);
  });
}).listen(port, '127.0.0.1', () => console.log(`stub listening on ${port} (latency ${latency} ms)`));

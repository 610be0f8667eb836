// Paired A/B of the local model's transport, run by hand (about 4 minutes): `npx tsx bench/loopbackAB.ts [N]`.
// One server thread streams Ollama NDJSON (150 ms to the first token, 4 tokens 15 ms apart, the final chunk and the
// response's end written apart as Ollama flushes them); four clients take turns, 100 ms idle before each request,
// so drift on a shared machine hits them alike. Each sample counts the two crossings the completion overhead
// figure counts: request start → server has the headers, server's last write → client has the whole answer.
import * as http from 'node:http';
import { Worker } from 'node:worker_threads';
import { Ollama } from 'ollama';
import { createOllamaProvider } from '../src/core/providers/ollama';
import { createLoopbackFetch } from '../src/core/providers/loopbackFetch';
import { figure } from './stats';
import { fakeOllamaSource } from './fakeOllamaSource';

const SERVER = fakeOllamaSource('performance.timeOrigin + performance.now()');

const abs = (): number => performance.timeOrigin + performance.now();

async function main(n: number): Promise<void> {
  const worker = new Worker(SERVER, { eval: true });
  const port = await new Promise<number>((r) => worker.once('message', r));
  const base = `http://127.0.0.1:${port}`;
  const prompt = 'x'.repeat(5000);
  const suffix = 'y'.repeat(1000);
  const body = JSON.stringify({ model: 'm', prompt, suffix, stream: true, options: { num_predict: 64 } });
  const agent = new http.Agent({ keepAlive: true });
  const bare = (): Promise<void> => new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', path: '/api/generate', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => { res.resume(); res.on('end', () => resolve()); });
    req.on('error', reject);
    req.end(body);
  });
  const loopback = createLoopbackFetch();
  const clientOnly = async (): Promise<void> => {
    for await (const part of await new Ollama({ host: base, fetch: loopback.fetch }).generate({ model: 'm', prompt, suffix, stream: true })) void part;
  };
  const viaProvider = (p: ReturnType<typeof createOllamaProvider>) => async (): Promise<void> => {
    const it = p.complete({ model: 'm', prefix: prompt, suffix, maxTokens: 64, stop: ['\n'] }, new AbortController().signal);
    let r = await it.next();
    while (!r.done) r = await it.next();
    if (r.value.finish === 'error') throw new Error(r.value.failure?.message);
  };
  const withLoopback = createOllamaProvider({ baseUrl: base });
  const withGlobalFetch = createOllamaProvider({ baseUrl: base, fetch: (...a) => globalThis.fetch(...a) });
  const variants: Array<[string, () => Promise<void>]> = [
    ['bare node:http exchange (floor)', bare],
    ['official Ollama client on the loopback fetch', clientOnly],
    ['Ollama provider, loopback fetch (the product)', viaProvider(withLoopback)],
    ['Ollama provider, Node global fetch', viaProvider(withGlobalFetch)],
  ];
  const ask = (): Promise<Array<{ at: number; w: number }>> => new Promise((r) => { worker.once('message', r); worker.postMessage('log'); });
  for (const [, fn] of variants) { await fn(); await fn(); }
  await ask();
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < variants.length; v++) {
      await new Promise((r) => setTimeout(r, 100));
      const t0 = abs();
      await variants[v]![1]();
      const end = abs();
      const l = (await ask()).at(-1)!;
      samples[v]!.push((l.at - t0) + (end - l.w));
    }
  }
  for (const [v, [name]] of variants.entries()) {
    const f = figure(name, 'ms', samples[v]!);
    console.log(`${name.padEnd(48)} median ${f.median.toFixed(2)}  p95 ${f.p95.toFixed(2)}  (${f.runs} requests)`);
  }
  loopback.dispose();
  withLoopback.dispose();
  withGlobalFetch.dispose();
  agent.destroy();
  await worker.terminate();
}

void main(Number(process.argv[2] ?? 150));

// Paired A/B of where a completion request's extension-side time goes, run by hand (a few minutes):
// `npx tsx bench/completionTransportAB.ts [N] [--pause=MS] [--where=thread|process|both]`.
// One fake server streams Ollama NDJSON (150 ms to the first token, 4 tokens 15 ms apart, the final chunk and the
// response's end written apart as Ollama flushes them), in a worker thread of this process or in a process of its
// own (as Ollama is). The clients take turns, an idle pause before each, so drift on a shared machine hits them
// alike. Each sample counts the two crossings the completion overhead figure counts (request released → server
// has the headers; server's last write → the client is done). Clocks: process.hrtime (CLOCK_MONOTONIC), which
// is one clock for every thread and process on the machine.
import * as http from 'node:http';
import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { createOllamaProvider } from '../src/core/providers/ollama';
import { createLoopbackFetch } from '../src/core/providers/loopbackFetch';
import { figure } from './stats';
import { firstAtOrAfter, tapWire } from './wireTap';
import { fakeOllamaSource } from './fakeOllamaSource';

const SERVER = fakeOllamaSource('Number(process.hrtime.bigint()) / 1e6');

const now = (): number => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Server { port: number; ask(): Promise<Array<{ at: number; w: number }>>; stop(): Promise<void> }

async function startServer(where: 'thread' | 'process'): Promise<Server> {
  if (where === 'thread') {
    const w = new Worker(SERVER, { eval: true });
    const port = await new Promise<number>((r) => w.once('message', r));
    return { port, ask: () => new Promise((r) => { w.once('message', r); w.postMessage('log'); }), stop: async () => { await w.terminate(); } };
  }
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r(m as number)));
  return {
    port,
    ask: () => new Promise((r) => { child.once('message', (m) => r(m as Array<{ at: number; w: number }>)); child.send('log'); }),
    stop: async () => { child.kill(); await new Promise((r) => child.once('exit', r)); },
  };
}

type Variant = [string, (release: Promise<void>) => Promise<() => Promise<number>>];

function variants(port: number): { list: Variant[]; dispose(): void } {
  const base = `http://127.0.0.1:${port}`;
  const prompt = 'x'.repeat(5000);
  const suffix = 'y'.repeat(1000);
  const body = JSON.stringify({ model: 'm', prompt, suffix, stream: true, keep_alive: '30m', options: { num_predict: 64 } });
  const agent = new http.Agent({ keepAlive: true });
  // The floor: the same request written with bare node:http, the answer read to its end and nothing parsed.
  const bare: Variant[1] = async (release) => {
    await release;
    return () => new Promise<number>((resolve, reject) => {
      const req = http.request({ port, host: '127.0.0.1', path: '/api/generate', method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => { res.resume(); res.on('end', () => resolve(now())); });
      req.on('error', reject);
      req.end(body);
    });
  };
  // The product: the Ollama provider, prepared during the pause and released, as the engine does in the
  // debounce's last 40 ms, over the official client and the loopback fetch, as the extension builds it.
  const viaProvider = (p: ReturnType<typeof createOllamaProvider>): Variant[1] => async (release) => {
    const it = p.complete({ model: 'm', prefix: prompt, suffix, maxTokens: 64, stop: ['\n'] }, new AbortController().signal, { sendWhen: release });
    const first = it.next();
    await release;
    return async () => {
      let r = await first;
      while (!r.done) r = await it.next();
      if (r.value.finish === 'error') throw new Error(r.value.failure?.message);
      return now();
    };
  };
  const loopback = createLoopbackFetch();
  const provider = createOllamaProvider({ baseUrl: base, fetch: loopback.fetch });
  // What a hand-written client would cost (a reference only: the product keeps the official client): the same node:http request, the NDJSON lines parsed off 'data' events, the
  // first-byte and idle deadlines armed, done at the line that says `done: true` (no web streams, no Response).
  const lean: Variant[1] = async (release) => {
    await release;
    return () => new Promise<number>((resolve, reject) => {
      const ctrl = new AbortController();
      let timer = setTimeout(() => ctrl.abort(), 10_000);
      const req = http.request({ port, host: '127.0.0.1', path: '/api/generate', method: 'POST', agent, signal: ctrl.signal, headers: { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.setEncoding('utf8');
        let pending = '';
        let text = '';
        res.on('data', (d: string) => {
          clearTimeout(timer);
          timer = setTimeout(() => ctrl.abort(), 20_000);
          pending += d;
          let nl: number;
          while ((nl = pending.indexOf('\n')) >= 0) {
            const part = JSON.parse(pending.slice(0, nl)) as { response?: string; done?: boolean };
            pending = pending.slice(nl + 1);
            text += part.response ?? '';
            if (part.done) { clearTimeout(timer); resolve(now()); }
          }
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  return {
    list: [
      ['bare node:http exchange (floor)', bare], ['hand-written NDJSON reader', lean],
      ['provider (official client, loopback fetch)', viaProvider(provider)],
    ],
    dispose: () => { agent.destroy(); provider.dispose(); loopback.dispose(); },
  };
}

async function measure(where: 'thread' | 'process', n: number, pauseMs: number): Promise<void> {
  const server = await startServer(where);
  const { list, dispose } = variants(server.port);
  const tap = tapWire(now);
  // Our code on each side of the crossings: release → request handed to the kernel; last chunk read → done.
  const split = list.map(() => ({ out: [] as number[], back: [] as number[] }));
  let last = { out: NaN, back: NaN };
  const one = async (v: Variant): Promise<number> => {
    let go!: () => void;
    const release = new Promise<void>((r) => { go = r; });
    const lead = Math.min(40, pauseMs);
    await sleep(pauseMs - lead);
    const started = v[1](release);
    await sleep(lead);
    const t0 = now();
    go();
    const end = await (await started)();
    const l = (await server.ask()).at(-1)!;
    last = { out: (firstAtOrAfter(tap.sent, t0) ?? NaN) - t0, back: end - (firstAtOrAfter(tap.data, l.w - 1) ?? NaN) };
    return (l.at - t0) + (end - l.w);
  };
  for (const v of list) { await one(v); await one(v); }
  const samples = list.map(() => [] as number[]);
  for (let i = 0; i < n; i++) {
    for (let v = 0; v < list.length; v++) {
      samples[v]!.push(await one(list[v]!));
      split[v]!.out.push(last.out);
      split[v]!.back.push(last.back);
    }
  }
  tap.stop();
  for (const [v, [name]] of list.entries()) {
    const f = figure(name, 'ms', samples[v]!);
    const o = figure('out', 'ms', split[v]!.out);
    const b = figure('back', 'ms', split[v]!.back);
    console.log(`${where.padEnd(7)} pause ${String(pauseMs).padStart(4)}  ${name.padEnd(36)} median ${f.median.toFixed(2)}  p95 ${f.p95.toFixed(2)}  (${f.runs})` +
      `  ours before the send ${o.median.toFixed(3)} / ${o.p95.toFixed(3)}, after the data ${b.median.toFixed(3)} / ${b.p95.toFixed(3)}`);
  }
  dispose();
  await server.stop();
}

async function main(): Promise<void> {
  const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100);
  const pause = Number(process.argv.find((a) => a.startsWith('--pause='))?.slice(8) ?? 100);
  const where = process.argv.find((a) => a.startsWith('--where='))?.slice(8) ?? 'both';
  for (const w of where === 'both' ? (['thread', 'process'] as const) : [where as 'thread' | 'process']) await measure(w, n, pause);
}

void main();

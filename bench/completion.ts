// Inline completion replay: a real source file is typed at 80 ms per keystroke into the real engine and the
// real Ollama provider, against the fake Ollama with a fixed model latency (150 ms to first token, 15 ms per
// token), run in a process of its own as Ollama is (bench/completionOracle.ts; `--oracle=thread` puts it in a worker
// thread, as before). The fake answers like a decent model: the true continuation of the file at 7 of 10 positions, a wrong
// line otherwise. The same replay with reuse off (no typed-ahead, cache or stream reuse) is the baseline.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { CompletionEngine, type CompletionTrace } from '../src/core/completion';
import { createOllamaProvider } from '../src/core/providers/ollama';
import type { LedgerRecord } from '../src/core/request';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { PerformanceObserver } from 'node:perf_hooks';
import { clientPathFigure } from './completionClientPath';
import { loopbackFloorFigure } from './completionFloor';
import { figure } from './stats';
import { tapWire } from './wireTap';
import { absNow, oracleHost, startOracle, type OracleHost } from './oracleHost';
import { overheadSamples } from './completionPairing';
import { pairedOverheadFigures } from './completionPaired';
import type { BenchFigure } from './types';

const KEYSTROKE_MS = 80;
/**
 * Typists pause where they think: after a line, and after an opening bracket or an `=`. Without pauses a 250 ms
 * debounce never fires at a steady 80 ms and the replay measures nothing.
 */
function pauseAfter(ch: string): number {
  if (ch === '\n') return 600;
  if (ch === '(' || ch === '{' || ch === '=') return 350;
  return 0;
}
const TTFT_MS = 150;
const PER_TOKEN_MS = 15;
const SOURCE = path.join(__dirname, '..', 'src', 'core', 'settings.ts');
const START_AT = 'export function normalizeSettings';
/** A second replay in the full run, on code nobody here wrote, for twice the overhead samples. */
const SECOND = { file: path.join(__dirname, '..', 'node_modules', 'openai', 'src', 'client.ts'), startAt: 'export class OpenAI' };

interface Replay {
  keystrokes: number;
  requests: number;
  /** Requests the engine started (ledger records), whether or not they reached the server. */
  started: number;
  aborted: number;
  closedAtServer: number;
  /** TCP connections the fake accepted over the replay (keep-alive: one). */
  connections: number;
  fromReuse: number;
  shown: number;
  overheadMs: number[];
  /** The overhead split per request: our code, and the two loopback crossings (wireTap.ts). */
  oursMs: number[];
  /** Per overhead sample: ms of V8 garbage collection inside it (debounce end → result), 0 for none. */
  gcMs: number[];
  crossingMs: number[];
  engineMs: number[];
  hitMs: number[];
}

async function replay(file: string, start: number, keystrokes: number, reuse: boolean, host: OracleHost): Promise<Replay> {
  const oracle = await startOracle(file, host, TTFT_MS, PER_TOKEN_MS);
  const server = { url: oracle.url };
  const records: LedgerRecord[] = [];
  const traces: CompletionTrace[] = [];
  const tap = tapWire(absNow);
  const gcs: Array<[number, number]> = [];
  const gcObserver = new PerformanceObserver((l) => { for (const e of l.getEntries()) gcs.push([performance.timeOrigin + e.startTime, performance.timeOrigin + e.startTime + e.duration]); });
  gcObserver.observe({ entryTypes: ['gc'] });
  const provider = createOllamaProvider({ baseUrl: server.url });
  const settings = { ...DEFAULT_SETTINGS, 'local.baseUrl': server.url };
  const engine = new CompletionEngine({
    provider, settings: () => settings, record: (r) => records.push(r), onTrace: (t) => traces.push(t), now: absNow,
    options: { reuse, adaptiveDebounce: false },
  });
  const end = Math.min(file.length, start + keystrokes);
  const suffix = file.slice(end);
  const pending: Array<Promise<unknown>> = [];
  let previous: AbortController | undefined;
  let due = performance.now();
  try {
    for (let pos = start + 1; pos <= end; pos++) {
      due += KEYSTROKE_MS + pauseAfter(file[pos - 2] ?? '');
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      // What VS Code does on a keystroke: cancel the previous request's token, ask again.
      previous?.abort();
      const controller = new AbortController();
      previous = controller;
      pending.push(engine.provide({ docUri: 'file:///bench.ts', languageId: 'typescript', prefix: file.slice(0, pos), suffix }, controller.signal));
    }
    await new Promise((r) => setTimeout(r, 1500));
    await Promise.all(pending);
  } finally {
    engine.dispose();
    await new Promise((r) => setTimeout(r, 100));
    tap.stop();
    gcObserver.disconnect();
    provider.dispose();
  }
  const fake = await oracle.report();
  const generate = fake.requests.filter((r) => r.path === '/api/generate');
  const samples = [...overheadSamples(traces, fake.timings, tap, gcs).values()];
  const defined = (xs: Array<number | undefined>): number[] => xs.filter((x): x is number => x !== undefined);
  const hitMs = traces.filter((t) => t.outcome === 'shown' && t.source !== 'model').map((t) => t.returnedAt - t.startedAt);
  const overheadMs = samples.map((x) => x.overhead);
  const oursMs = defined(samples.map((x) => x.ours));
  const crossingMs = defined(samples.map((x) => x.crossing));
  const engineMs = defined(samples.map((x) => x.engine));
  const gcMs = samples.map((x) => x.gc);
  const completionRecords = records.filter((r) => r.outcome !== 'cache' && r.outcome !== 'accepted');
  return {
    keystrokes: end - start,
    requests: generate.length,
    started: completionRecords.length,
    aborted: completionRecords.filter((r) => r.status === 'cancelled').length,
    closedAtServer: generate.filter((r) => r.clientClosed).length,
    connections: fake.connections,
    fromReuse: traces.filter((t) => t.outcome === 'shown' && t.source !== 'model').length,
    shown: traces.filter((t) => t.outcome === 'shown').length,
    overheadMs,
    oursMs,
    gcMs,
    crossingMs,
    engineMs,
    hitMs,
  };
}

function scalar(name: string, unit: string, value: number, runs: number, extra: Partial<BenchFigure> = {}): BenchFigure {
  return { name, unit, median: value, p95: value, min: value, max: value, runs, ...extra };
}

function ratioFigure(name: string, unit: string, value: number, base: number, runs: number, note: string): BenchFigure {
  return scalar(name, unit, value, runs, { baseline: { name: 'reuse off', median: base }, ...(base > 0 ? { ratio: value / base } : {}), note });
}

function startOf(file: string, marker: string): number {
  const found = file.indexOf(marker);
  return found >= 0 ? found : Math.floor(file.length / 3);
}

export async function run(opts: { quick: boolean }): Promise<BenchFigure[]> {
  const host = oracleHost();
  const file = fs.readFileSync(SOURCE, 'utf8');
  const start = startOf(file, START_AT);
  // Real time, one replay after the other (side by side they disturb each other's latency figures).
  const keystrokes = opts.quick ? 130 : 700;
  const withReuse = await replay(file, start, keystrokes, true, host);
  const without = await replay(file, start, keystrokes, false, host);
  const second = opts.quick ? undefined : await (async () => {
    const f = fs.readFileSync(SECOND.file, 'utf8');
    return replay(f, startOf(f, SECOND.startAt), keystrokes, true, host);
  })();
  const pct = (n: number, d: number): number => (d ? (100 * n) / d : 0);
  const source = `${path.relative(path.join(__dirname, '..'), SOURCE)}, ${withReuse.keystrokes} keystrokes at ${KEYSTROKE_MS} ms (pauses 600 ms after a line, 350 ms after ( { =), model ${TTFT_MS} ms + ${PER_TOKEN_MS} ms/token`;
  const sources = second ? `${source}; overhead samples also from ${path.relative(path.join(__dirname, '..'), SECOND.file)} (${second.keystrokes} keystrokes)` : source;
  const all = (k: 'overheadMs' | 'engineMs' | 'oursMs' | 'crossingMs' | 'gcMs'): number[] => {
    const xs = [...withReuse[k], ...(second?.[k] ?? [])];
    return xs.length ? xs : [NaN];
  };
  const gc = all('gcMs');
  const clean = all('overheadMs').filter((_, i) => !(gc[i]! > 0));
  const gcNote = `V8 GC inside ${gc.filter((g) => g > 0).length} of ${gc.length} samples (${gc.reduce((a, b) => a + (b || 0), 0).toFixed(2)} ms in all; p95 without them ${figure('x', 'ms', clean.length ? clean : [NaN]).p95.toFixed(2)} ms)`;
  const overhead = figure('completion: extension-side overhead per model request', 'ms', all('overheadMs'), {
    note: `${gcNote}; pipeline time after the debounce minus the fake model's time (request arrival → last chunk used): includes the ollama client, the loopback fetch (node:http, keep-alive) and both loopback crossings (${withReuse.connections} TCP connection(s) for ${withReuse.requests} requests), whose floor is the bare node:http figure below; the fake in a ${host} of its own; goal p95 ≤ 2 ms; ${sources}`,
  });
  const engineOnly = figure('completion: engine-only overhead per model request', 'ms', all('engineMs'), {
    note: 'pipeline time after the debounce minus the time inside provider.complete() (window, post-processing, cache, ledger record)',
  });
  const baseOverhead = figure('x', 'ms', without.overheadMs.length ? without.overheadMs : [NaN]);
  overhead.baseline = { name: 'reuse off', median: baseOverhead.median };
  return [
    ratioFigure('completion: requests per keystroke', 'requests', withReuse.requests / withReuse.keystrokes, without.requests / without.keystrokes, withReuse.keystrokes, source),
    // Of the requests the engine started (one ledger record each; some are aborted before they reach the server).
    ratioFigure('completion: share of started requests aborted', '%', pct(withReuse.aborted, withReuse.started), pct(without.aborted, without.started), withReuse.started,
      `ledger status "cancelled" (superseded or orphaned); closed at the fake incl. early stops: ${withReuse.closedAtServer}/${withReuse.requests} (reuse off: ${without.closedAtServer}/${without.requests})`),
    ratioFigure('completion: keystrokes answered from cache / typed-ahead / reuse', '%', pct(withReuse.fromReuse, withReuse.keystrokes), pct(without.fromReuse, without.keystrokes), withReuse.keystrokes, 'no request sent for these'),
    ratioFigure('completion: keystrokes with a suggestion shown', '%', pct(withReuse.shown, withReuse.keystrokes), pct(without.shown, without.keystrokes), withReuse.keystrokes, 'model answer right 7 in 10 positions'),
    overhead,
    engineOnly,
    figure('completion: overhead, our code only (excluding the two loopback crossings)', 'ms', all('oursMs'), {
      note: 'per request: debounce end → request handed to the kernel (the socket\'s writev), plus the used chunk read off the socket → result returned; Node diagnostics channels (bench/wireTap.ts)',
    }),
    figure('completion: overhead, the two loopback crossings', 'ms', all('crossingMs'), {
      note: 'per request: the overhead minus our code: request handed to the kernel → the fake has its headers, and the fake\'s write → the chunk read here; what the bare node:http floor below also pays',
    }),
    figure('completion: time to answer a cache / typed-ahead / reuse hit', 'ms', withReuse.hitMs.length ? withReuse.hitMs : [NaN], { note: 'from provide() to result, no request' }),
    ...await (async () => {
      const f = fs.readFileSync(SECOND.file, 'utf8');
      return pairedOverheadFigures(opts.quick ? 40 : 220, f, startOf(f, SECOND.startAt), host, TTFT_MS, PER_TOKEN_MS);
    })(),
    await clientPathFigure(opts.quick ? 200 : 1000),
    await loopbackFloorFigure(opts.quick ? 30 : 100, host),
  ];
}

if (require.main === module) {
  void run({ quick: process.argv.includes('--quick') }).then((f) => console.log(JSON.stringify(f, null, 2)));
}

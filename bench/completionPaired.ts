// The completion overhead with enough samples for a p95, each paired with the floor it cannot go below. With the
// replay's ~40 model requests the p95 is one sample; here the real engine, provider, official client and loopback
// fetch serve a few hundred requests against the replay's fake Ollama (a process of its own), and each request
// takes turns with a bare node:http exchange against the floor's server (another process), the same idle pause
// before each, their order alternating: both see the same load on a shared machine. Reported: the overhead raw,
// the floor, the overhead minus the floor of the same run, and our code alone, each with bootstrap 95 % intervals
// (pairs resampled together), and the load average over the run.
import * as os from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { CompletionEngine, type CompletionTrace } from '../src/core/completion';
import { createOllamaProvider } from '../src/core/providers/ollama';
import { DEFAULT_SETTINGS } from '../src/core/settings';
import { startFloor } from './completionFloor';
import { overheadSamples, type OverheadSample } from './completionPairing';
import { absNow, startOracle, type OracleHost } from './oracleHost';
import { bootstrap95, figure, percentile, percentileAt } from './stats';
import { tapWire } from './wireTap';
import type { BenchFigure } from './types';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const WARMUP = 10;
/** Idle before each turn besides the debounce: a typist's pause before the keystroke that stops. */
const GAP_MS = 100;

interface Pair { overhead: OverheadSample; floor: number }

/** Positions a line apart (a few characters into it): each asks the model anew, not the cache or typed-ahead. */
function* positions(file: string, from: number): Generator<number> {
  let at = from;
  for (let k = 0; ; k++) {
    const nl = file.indexOf('\n', at + 1);
    at = nl < 0 || nl + 8 >= file.length ? from : nl;
    yield at + 1 + (k % 7);
  }
}

export async function pairedOverheadFigures(pairs: number, file: string, start: number, host: OracleHost, ttftMs: number, perTokenMs: number): Promise<BenchFigure[]> {
  const loadBefore = os.loadavg();
  const oracle = await startOracle(file, host, ttftMs, perTokenMs);
  const floor = await startFloor(host);
  const traces: CompletionTrace[] = [];
  const tap = tapWire(absNow);
  const gcs: Array<[number, number]> = [];
  const gcObserver = new PerformanceObserver((l) => { for (const e of l.getEntries()) gcs.push([performance.timeOrigin + e.startTime, performance.timeOrigin + e.startTime + e.duration]); });
  gcObserver.observe({ entryTypes: ['gc'] });
  const provider = createOllamaProvider({ baseUrl: oracle.url });
  const settings = { ...DEFAULT_SETTINGS, 'local.baseUrl': oracle.url };
  const debounce = settings['completion.debounceMs'];
  const engine = new CompletionEngine({ provider, settings: () => settings, onTrace: (t) => traces.push(t), now: absNow, options: { reuse: true, adaptiveDebounce: false } });
  /** Per turn: the model request's trace id (if the turn asked the model) and the floor exchange. */
  const turns: Array<{ id?: string; floor: number }> = [];
  const at = positions(file, start);
  try {
    for (let i = 0; turns.filter((t) => t.id).length < pairs + WARMUP && i < 3 * (pairs + WARMUP); i++) {
      const ask = async (): Promise<string | undefined> => {
        await sleep(GAP_MS);
        const pos = at.next().value as number;
        const before = traces.length;
        await engine.provide({ docUri: 'file:///bench.ts', languageId: 'typescript', prefix: file.slice(0, pos), suffix: file.slice(pos) }, new AbortController().signal);
        return traces.slice(before).find((t) => t.debouncedAt !== undefined)?.id;
      };
      // The same idle before the bare exchange as before the request: the gap and the debounce.
      const bare = async (): Promise<number> => { await sleep(GAP_MS + debounce); return floor.exchange(); };
      if (i % 2 === 0) { const id = await ask(); turns.push({ id, floor: await bare() }); } else { const f = await bare(); turns.push({ id: await ask(), floor: f }); }
      await sleep(50); // the previous answer's end and the engine's bookkeeping are done
    }
  } finally {
    engine.dispose();
    await sleep(100);
    tap.stop();
    gcObserver.disconnect();
    provider.dispose();
    await floor.stop();
  }
  const fake = await oracle.report();
  const loadAfter = os.loadavg();
  const byId = overheadSamples(traces, fake.timings, tap, gcs);
  const paired: Pair[] = turns.filter((t) => t.id !== undefined).slice(WARMUP).flatMap((t) => { const o = byId.get(t.id!); return o ? [{ overhead: o, floor: t.floor }] : []; });
  return figures(paired, { loadBefore, loadAfter, debounce, turns: turns.length });
}

function figures(paired: Pair[], run: { loadBefore: number[]; loadAfter: number[]; debounce: number; turns: number }): BenchFigure[] {
  const o = paired.map((p) => p.overhead.overhead);
  const f = paired.map((p) => p.floor);
  const n = paired.length;
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
  const setting = `${n} pairs after ${WARMUP} warm-up requests (${run.turns} turns), each request and bare exchange after ${GAP_MS} + ${run.debounce} ms idle, order alternating; load average (1 / 5 / 15 min) ${load(run.loadBefore)} before, ${load(run.loadAfter)} after; [bootstrap 95 % intervals, 2,000 resamples of the pairs]`;
  const withCI = (name: string, xs: number[], note: string): BenchFigure => figure(name, 'ms', xs.length ? xs : [NaN], {
    note, medianCI: bootstrap95(xs.length, (idx) => percentileAt(xs, idx, 50)), p95CI: bootstrap95(xs.length, (idx) => percentileAt(xs, idx, 95)),
  });
  const diff = (p: number) => (idx: number[]): number => percentileAt(o, idx, p) - percentileAt(f, idx, p);
  const so = [...o].sort((a, b) => a - b);
  const sf = [...f].sort((a, b) => a - b);
  const perPair = paired.map((p) => p.overhead.overhead - p.floor).sort((a, b) => a - b);
  const subtracted: BenchFigure = {
    name: 'completion (paired): overhead minus the bare node:http floor of the same run', unit: 'ms',
    median: percentile(so, 50) - percentile(sf, 50), p95: percentile(so, 95) - percentile(sf, 95),
    min: perPair[0] ?? NaN, max: perPair[n - 1] ?? NaN, runs: n,
    medianCI: bootstrap95(n, diff(50)), p95CI: bootstrap95(n, diff(95)),
    note: `median(overhead) − median(floor) and p95(overhead) − p95(floor) over the same pairs (min / max: of the per-pair differences, whose own median / p95 are ${percentile(perPair, 50).toFixed(2)} / ${percentile(perPair, 95).toFixed(2)} ms); an estimate of what is ours, not a measurement: the raw figure above is the one the goal is set on`,
  };
  const ours = paired.map((p) => p.overhead.ours).filter((x): x is number => x !== undefined);
  const gcHit = paired.filter((p) => p.overhead.gc > 0).length;
  return [
    withCI('completion (paired): extension-side overhead per model request, raw', o,
      `the replay's definition (pipeline time after the debounce minus the fake model's time), real engine + Ollama provider + official client + loopback fetch, fake Ollama in a process of its own; V8 GC inside ${gcHit} of ${n}; goal p95 ≤ 2 ms; ${setting}`),
    withCI('completion (paired): bare node:http exchange, same run (floor)', f,
      'a 5 kB POST and a one-line answer to a server process, both crossings only, taking turns with the requests above'),
    subtracted,
    withCI('completion (paired): overhead, our code only', ours,
      'per request: debounce end → request handed to the kernel, plus the used chunk read off the socket → result returned (bench/wireTap.ts)'),
  ];
}

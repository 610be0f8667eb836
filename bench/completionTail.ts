// What the slow samples of "our code" are made of, run by hand: `npx tsx bench/completionTail.ts [N] [--pause=MS]`
// (add `--trace-deopt` / `--trace-opt` through NODE_OPTIONS: each sample prints a marker line, so V8's own lines fall
// between the markers of the sample they happened in). The real Ollama provider over the loopback fetch and the
// official client, against the transport A/B's fake in a process of its own, prepared during an idle pause and
// released as the engine does. Per sample: our code before the send and after the data (wireTap.ts), whether a
// V8 GC ran inside the sample, and the bytes the heap grew by (young generation large enough that no scavenge runs
// between samples: pass --max-semi-space-size=64 --min-semi-space-size=64 for that figure).
import { spawn } from 'node:child_process';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { createOllamaProvider } from '../src/core/providers/ollama';
import { createLoopbackFetch } from '../src/core/providers/loopbackFetch';
import { figure } from './stats';
import { firstAtOrAfter, tapWire } from './wireTap';
import { fakeOllamaSource } from './fakeOllamaSource';

const abs = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Sample { i: number; out: number; back: number; ours: number; gc: string[]; heapGrowth: number }

async function main(): Promise<void> {
  const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100);
  const pause = Number(process.argv.find((a) => a.startsWith('--pause='))?.slice(8) ?? 150);
  const marks = process.argv.includes('--marks');
  const child = spawn(process.execPath, ['-e', fakeOllamaSource('performance.timeOrigin + performance.now()')], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((r) => child.once('message', (m) => r(m as number)));
  const ask = (): Promise<Array<{ at: number; w: number }>> => new Promise((r) => { child.once('message', (m) => r(m as Array<{ at: number; w: number }>)); child.send('log'); });
  const gcs: Array<{ start: number; end: number; kind: string }> = [];
  const kinds: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'scavenge', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'mark-compact', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb' };
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? -1;
      gcs.push({ start: performance.timeOrigin + e.startTime, end: performance.timeOrigin + e.startTime + e.duration, kind: `${kinds[kind] ?? kind} ${e.duration.toFixed(2)}ms` });
    }
  });
  obs.observe({ entryTypes: ['gc'] });
  const loopback = createLoopbackFetch();
  const provider = createOllamaProvider({ baseUrl: `http://127.0.0.1:${port}`, fetch: loopback.fetch });
  const tap = tapWire(abs);
  const prompt = 'x'.repeat(4096);
  const suffix = 'y'.repeat(1024);
  const samples: Sample[] = [];
  for (let i = 0; i < n + 5; i++) {
    let go!: () => void;
    const release = new Promise<void>((r) => { go = r; });
    await sleep(pause - 40);
    const it = provider.complete({ model: 'm', prefix: prompt, suffix, maxTokens: 64, stop: ['\n'] }, new AbortController().signal, { sendWhen: release });
    const first = it.next();
    await sleep(40);
    if (marks) console.log(`@@ sample ${i} start`);
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = abs();
    go();
    let r = await first;
    while (!r.done) r = await it.next();
    const end = abs();
    const heap1 = process.memoryUsage().heapUsed;
    if (marks) console.log(`@@ sample ${i} end`);
    if (r.value.finish === 'error') throw new Error(r.value.failure?.message);
    const l = (await ask()).at(-1)!;
    const sent = firstAtOrAfter(tap.sent, t0) ?? NaN;
    const data = firstAtOrAfter(tap.data, l.w - 1) ?? NaN;
    await sleep(1); // the GC observer's entries are queued
    const inside = gcs.filter((g) => g.end > t0 && g.start < end).map((g) => g.kind);
    if (i >= 5) samples.push({ i, out: sent - t0, back: end - data, ours: (sent - t0) + (end - data), gc: inside, heapGrowth: heap1 - heap0 });
  }
  tap.stop();
  provider.dispose();
  loopback.dispose();
  child.kill();
  const f = (xs: number[]): string => { const g = figure('x', 'ms', xs); return `${g.median.toFixed(3)} / ${g.p95.toFixed(3)} (max ${g.max.toFixed(2)})`; };
  console.log(`ours ${f(samples.map((s) => s.ours))}; before the send ${f(samples.map((s) => s.out))}; after the data ${f(samples.map((s) => s.back))}`);
  const growth = samples.filter((s) => !s.gc.length).map((s) => s.heapGrowth);
  console.log(`heap growth per request (samples without GC: ${growth.length}): median ${figure('x', 'B', growth.length ? growth : [NaN]).median.toFixed(0)} B`);
  const sorted = [...samples].sort((a, b) => b.ours - a.ours);
  const cut = sorted[Math.max(0, Math.ceil(samples.length * 0.1) - 1)]!.ours;
  const slow = samples.filter((s) => s.ours >= cut);
  console.log(`slowest 10% (>= ${cut.toFixed(2)} ms): ${slow.length}, with GC inside ${slow.filter((s) => s.gc.length).length}; all samples with GC inside ${samples.filter((s) => s.gc.length).length}`);
  for (const s of sorted.slice(0, 12)) console.log(`  #${s.i} ours ${s.ours.toFixed(2)} (out ${s.out.toFixed(2)}, back ${s.back.toFixed(2)}) gc [${s.gc.join(', ')}] heap +${s.heapGrowth}`);
  if (process.argv.includes('--json')) console.log(JSON.stringify(samples));
}

void main();

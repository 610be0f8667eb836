// Spend and token figures: ledger append latency (with fdatasync), aggregating 100,000 records, loading them
// from disk, tiktoken throughput (worker thread and in-thread) and accuracy of chars/4 on 1 MB of source, the cost
// of tiktoken's first use, and how long the calling thread stalls during it (worker vs in-thread).
//   npx tsx -e "require('./bench/spend').run({quick:true}).then(r=>console.log(r))"
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildSync } from 'esbuild';
import type { LedgerRecord } from '../src/core/request';
import { Ledger, SpendModel } from '../src/core/spend';
import { createTokenCounter, createWorkerCounter, type TokenCounter } from '../src/core/tokens';
import { figure } from './stats';
import type { BenchFigure } from './types';

const root = path.resolve(__dirname, '..');

const stats = figure;

const MODELS = ['claude-sonnet-4-6', 'claude-haiku-4-5', 'gpt-5-mini', 'gpt-4o', 'qwen2.5-coder:7b', 'qwen2.5-coder:1.5b'];

/** A year of plausible records: three quarters local (completions), a quarter cloud (asks). */
function syntheticRecords(n: number, end = Date.now()): LedgerRecord[] {
  const out: LedgerRecord[] = [];
  const span = 365 * 24 * 3600 * 1000;
  for (let i = 0; i < n; i++) {
    const local = i % 4 !== 0;
    out.push({
      v: 1, id: `bench-${i}`, time: new Date(end - span + Math.floor((span * i) / n)).toISOString(),
      origin: local ? 'inline' : 'askCloud', kind: local ? 'completion' : 'ask', route: local ? 'local' : 'cloud',
      provider: local ? 'ollama' : 'anthropic', model: local ? MODELS[4 + (i % 2)] : MODELS[i % 4],
      tokens: { input: 800 + (i % 500), output: 40 + (i % 300), cacheRead: local ? 0 : i % 2000, cacheWrite: 0, source: 'provider' },
      costUsd: local ? 0 : (i % 97) / 10_000, cloudEquivalentUsd: local ? (i % 13) / 10_000 : undefined,
      ttftMs: 50 + (i % 400), totalMs: 120 + ((i * 37) % 5000), status: i % 50 === 0 ? 'failed' : 'ok',
      reasons: [local ? 'inline completion → local' : 'complexity 0.71 ≥ 0.5'],
    });
  }
  return out;
}

async function ledgerAppend(quick: boolean): Promise<BenchFigure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ledger-'));
  try {
    const ledger = await Ledger.open(dir);
    const recs = syntheticRecords(quick ? 300 : 3000);
    const samples: number[] = [];
    for (const r of recs) {
      const t = performance.now();
      const res = await ledger.append(r);
      samples.push(performance.now() - t);
      if (!res.written) throw new Error(`bench ledger append failed: ${res.error}`);
    }
    await ledger.close();
    return stats('ledger append (one line + fdatasync)', 'ms', samples, { note: `tmp dir on ${os.tmpdir()}; one O_APPEND write + fdatasync per record` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function aggregate(quick: boolean): BenchFigure[] {
  const recs = syntheticRecords(100_000);
  const now = new Date();
  const adds: number[] = [];
  const snaps: number[] = [];
  for (let run = 0; run < (quick ? 3 : 10); run++) {
    const t0 = performance.now();
    const model = new SpendModel();
    for (const r of recs) model.add(r);
    const t1 = performance.now();
    model.snapshot(now);
    snaps.push(performance.now() - t1);
    adds.push(t1 - t0);
  }
  return [
    stats('aggregate 100,000 records (SpendModel.add ×100k)', 'ms', adds),
    stats('spend snapshot over 100,000 records', 'ms', snaps, { note: 'bounded by days/models, not records' }),
  ];
}

async function ledgerLoad(quick: boolean): Promise<BenchFigure> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ledger-load-'));
  try {
    const recs = syntheticRecords(100_000);
    // Written directly (one file per month) so the setup does not take 100k fsyncs.
    const byMonth = new Map<string, string[]>();
    const { serializeRecord } = await import('../src/core/spend/ledgerRecord');
    for (const r of recs) {
      const m = r.time.slice(0, 7);
      if (!byMonth.has(m)) byMonth.set(m, []);
      byMonth.get(m)!.push(serializeRecord(r));
    }
    for (const [m, lines] of byMonth) fs.writeFileSync(path.join(dir, `ledger-${m}.jsonl`), lines.join(''));
    const bytes = [...byMonth.values()].reduce((n, ls) => n + ls.reduce((k, l) => k + l.length, 0), 0);
    const samples: number[] = [];
    for (let run = 0; run < (quick ? 2 : 5); run++) {
      const t = performance.now();
      const ledger = await Ledger.open(dir);
      const loaded = await ledger.load();
      const model = new SpendModel();
      for (const r of loaded.records) model.add(r);
      model.snapshot(new Date());
      samples.push(performance.now() - t);
      if (loaded.records.length !== recs.length) throw new Error('bench: records lost on load');
    }
    return stats('open + load + aggregate a year (100,000 records from disk)', 'ms', samples, { note: `${(bytes / 1e6).toFixed(1)} MB in ${byMonth.size} monthly files` });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function sourceMegabyte(): string {
  const src = fs.readFileSync(path.join(root, 'node_modules', 'typescript', 'lib', 'typescript.js'), 'utf8');
  return src.slice(0, 1_000_000);
}

/** worker.ts bundled as esbuild.js does, next to a copy of the WASM (found through the bundle's __dirname). */
function bundleWorker(): { dir: string; script: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-token-worker-'));
  const script = path.join(dir, 'tokenWorker.js');
  buildSync({
    entryPoints: [path.join(root, 'src', 'core', 'tokens', 'worker.ts')],
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: script, logLevel: 'silent',
  });
  fs.copyFileSync(path.join(root, 'node_modules', 'tiktoken', 'lite', 'tiktoken_bg.wasm'), path.join(dir, 'tiktoken_bg.wasm'));
  return { dir, script };
}

const encodersDir = path.join(root, 'node_modules', 'tiktoken', 'encoders');

async function mbPerSecond(counter: TokenCounter, text: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t = performance.now();
    await counter.count(text, 'gpt-4o');
    out.push(text.length / 1e6 / ((performance.now() - t) / 1000));
  }
  return out;
}

async function tokenThroughput(quick: boolean, workerScript: string): Promise<BenchFigure[]> {
  const text = sourceMegabyte();
  const runs = quick ? 3 : 10;
  const counter = createTokenCounter({ assetsDir: encodersDir, inline: true });
  const exact = await counter.count(text, 'gpt-4o'); // warm-up and load
  const exactCl = await counter.count(text);
  const tk = await mbPerSecond(counter, text, runs);
  counter.dispose();
  const worker = createWorkerCounter({ assetsDir: encodersDir, workerScript });
  let viaWorker: number[];
  try {
    if ((await worker.count(text, 'gpt-4o')) !== exact) throw new Error('bench: worker and in-thread counts differ');
    viaWorker = await mbPerSecond(worker, text, runs);
  } finally {
    worker.dispose();
  }
  const estimate = Math.ceil(text.length / 4);
  const tkFig = stats('tiktoken count in-thread, 1 MB of TypeScript source (o200k)', 'MB/s', tk);
  // chars/4 reads only the string's length, so its speed is not worth a figure; its error is.
  const err = ((estimate - exact) / exact) * 100;
  const estFig: BenchFigure = {
    name: 'chars/4 estimate: error vs tiktoken (o200k), same 1 MB', unit: '%', median: err, p95: err, min: err, max: err, runs: 1,
    note: 'negative = undercounts; the estimate is used only until the tokenizer is loaded and is labelled as an estimate',
  };
  const acc = (n: number): string => `${(((estimate - n) / n) * 100).toFixed(1)}%`;
  tkFig.note = `tokens: o200k ${exact}, cl100k ${exactCl}, chars/4 ${estimate} (chars/4 off by ${acc(exact)} vs o200k, ${acc(exactCl)} vs cl100k)`;
  const wFig = stats('tiktoken count via worker thread, same 1 MB (o200k)', 'MB/s', viaWorker, {
    note: 'includes copying the string to the worker and the reply; the extension host is free meanwhile',
  });
  wFig.baseline = { name: 'in-thread', median: tkFig.median };
  wFig.ratio = Math.round((wFig.median / tkFig.median) * 1000) / 1000;
  return [tkFig, wFig, estFig];
}

/** Runs `first` while a 5 ms timer ticks on this thread: wall time and the longest gap between ticks. */
async function stallDuring(first: () => Promise<unknown>): Promise<{ ms: number; maxGap: number }> {
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  await first();
  const end = performance.now();
  clearInterval(timer);
  return { ms: end - t0, maxGap: Math.max(maxGap, end - last) };
}

/**
 * First count through a fresh worker (thread start, WASM compile and o200k ranks parse in the worker), and the
 * longest stall of this thread meanwhile, against the stall of an in-thread first count (ranks parse + Tiktoken
 * construction; the WASM module itself is already compiled in this process by then, so the real in-thread stall
 * is larger: see the fresh-process figure).
 */
async function workerFirstCount(quick: boolean, workerScript: string): Promise<BenchFigure[]> {
  const firsts: number[] = [];
  const workerStalls: number[] = [];
  const inlineStalls: number[] = [];
  for (let run = 0; run < (quick ? 3 : 7); run++) {
    const w = createWorkerCounter({ assetsDir: encodersDir, workerScript });
    const r = await stallDuring(() => w.count('hello world', 'gpt-4o'));
    w.dispose();
    firsts.push(r.ms);
    workerStalls.push(r.maxGap);
    const inline = createTokenCounter({ assetsDir: encodersDir, inline: true });
    inlineStalls.push((await stallDuring(() => inline.count('hello world', 'gpt-4o'))).maxGap);
    inline.dispose();
  }
  const inlineFig = stats('longest main-thread stall during a first count, in-thread', 'ms', inlineStalls);
  const stallFig = stats('longest main-thread stall during a first count, via worker', 'ms', workerStalls, {
    note: `gap between ticks of a 5 ms timer on the calling thread (the extension host); with the worker it is OS scheduling noise, not one block (load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores)`,
  });
  stallFig.baseline = { name: 'in-thread', median: inlineFig.median };
  stallFig.ratio = Math.round((stallFig.median / inlineFig.median) * 1000) / 1000;
  return [
    stats('time to first count via worker (thread start + WASM + o200k load)', 'ms', firsts, { note: 'on first use only; the caller awaits it without blocking' }),
    stallFig,
    inlineFig,
  ];
}

/** Measured in fresh processes: the module cache would hide the cost after the first run. */
function firstCount(quick: boolean): BenchFigure[] {
  const script = `
    const { performance } = require('node:perf_hooks');
    let t = performance.now();
    const tokens = require('./src/core/tokens');
    const c = tokens.createTokenCounter({ assetsDir: 'node_modules/tiktoken/encoders', inline: true });
    c.estimate('x');
    const importMs = performance.now() - t;
    const loadedAfterImport = tokens.isTiktokenLoaded();
    t = performance.now();
    c.count('hello world', 'gpt-4o').then(() => {
      process.stdout.write(JSON.stringify({ importMs, firstMs: performance.now() - t, loadedAfterImport }));
    });`;
  const imports: number[] = [];
  const firsts: number[] = [];
  let loadedAfterImport = false;
  for (let run = 0; run < (quick ? 3 : 7); run++) {
    const out = JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: root, encoding: 'utf8' })) as { importMs: number; firstMs: number; loadedAfterImport: boolean };
    imports.push(out.importMs);
    firsts.push(out.firstMs);
    loadedAfterImport ||= out.loadedAfterImport;
  }
  return [
    stats('tokens module import + createTokenCounter (no tiktoken, no worker)', 'ms', imports, { note: `tiktoken loaded after import: ${loadedAfterImport} (run through tsx; includes TS transpile)` }),
    stats('time to first count in-thread, fresh process (WASM compile + o200k ranks parse)', 'ms', firsts, { note: 'blocks the calling thread throughout; the extension uses the worker instead' }),
  ];
}

export async function run(opts: { quick: boolean }): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  figures.push(await ledgerAppend(opts.quick));
  figures.push(...aggregate(opts.quick));
  figures.push(await ledgerLoad(opts.quick));
  const worker = bundleWorker();
  try {
    figures.push(...(await tokenThroughput(opts.quick, worker.script)));
    figures.push(...(await workerFirstCount(opts.quick, worker.script)));
  } finally {
    fs.rmSync(worker.dir, { recursive: true, force: true });
  }
  figures.push(...firstCount(opts.quick));
  return figures;
}

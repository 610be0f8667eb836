// Activation cost of the packaged bundle: time to load dist/extension.js and run activate(), the bundle's size,
// and proof that activation neither instantiates WebAssembly (tiktoken) nor opens a network connection.
// Each sample runs in a fresh Node process so module caches do not flatter the figure.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { figure } from './stats';
import type { BenchFigure } from './types';

const root = path.resolve(__dirname, '..');
const bundle = path.join(root, 'dist', 'extension.js');

const PROBE = `
const Module = require('module');
const path = require('path');
const { createVscodeShim, errors, searches } = require(process.env.HYBRID_SHIM);
const shim = createVscodeShim();
const resolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) { return req === 'vscode' ? 'vscode' : resolve.call(this, req, ...rest); };
require.cache['vscode'] = { id: 'vscode', filename: 'vscode', loaded: true, exports: shim };
let wasm = 0, net = 0;
for (const k of ['Module', 'instantiate', 'compile', 'Instance']) {
  const orig = WebAssembly[k];
  WebAssembly[k] = new Proxy(orig, { apply(t, self, a) { wasm++; return Reflect.apply(t, self, a); }, construct(t, a) { wasm++; return Reflect.construct(t, a); } });
}
for (const mod of ['http', 'https', 'net']) {
  const m = require(mod);
  for (const fn of ['request', 'get', 'connect', 'createConnection']) if (m[fn]) { const o = m[fn]; m[fn] = function (...a) { net++; return o.apply(this, a); }; }
}
const origFetch = globalThis.fetch; globalThis.fetch = (...a) => { net++; return origFetch(...a); };
const os = require('os'); const fs = require('fs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hybrid-act-'));
const ctx = { subscriptions: [], extensionPath: ${JSON.stringify(root)}, extensionUri: { fsPath: ${JSON.stringify(root)}, path: ${JSON.stringify(root)} },
  globalStorageUri: { fsPath: dir }, globalState: { get: (k, d) => d, update: async () => {} }, workspaceState: { get: (k, d) => d, update: async () => {} }, secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: () => ({ dispose() {} }) } };
const t0 = performance.now();
const ext = require(${JSON.stringify(bundle)});
const t1 = performance.now();
Promise.resolve(ext.activate(ctx)).then(() => {
  const t2 = performance.now();
  if (errors.length) { process.stderr.write('activation failed: ' + errors.join('; ')); process.exit(2); }
  const wasmAtActivation = wasm, netAtActivation = net, searchesAtActivation = searches.length;
  const eager = process.argv.includes('--eager-tiktoken');
  const finish = (t3) => { process.stdout.write(JSON.stringify({ loadMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, eagerMs: t3 - t0, wasm: wasmAtActivation, net: netAtActivation, searches: searchesAtActivation })); process.exit(0); };
  if (!eager) return finish(t2);
  // Baseline: what activation would cost if it loaded the tokenizer eagerly, as some extensions do.
  const tk = require(${JSON.stringify(path.join(root, 'node_modules', 'tiktoken', 'lite', 'tiktoken.cjs'))});
  const enc = JSON.parse(fs.readFileSync(${JSON.stringify(path.join(root, 'dist', 'o200k_base.tiktoken.json'))}, 'utf8'));
  const t = new tk.Tiktoken(enc.bpe_ranks, enc.special_tokens, enc.pat_str); t.encode('warm'); t.free();
  finish(performance.now());
});
`;

interface Sample { loadMs: number; activateMs: number; totalMs: number; eagerMs: number; wasm: number; net: number; searches: number }

let shimJs: string | undefined;
/** The probe runs plain Node (no TypeScript loader, which would itself instantiate WebAssembly), so the shim is prebuilt. */
function shimPath(): string {
  if (shimJs) return shimJs;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require('esbuild') as typeof import('esbuild');
  shimJs = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'hybrid-shim-')), 'vscodeShim.js');
  esbuild.buildSync({ entryPoints: [path.join(__dirname, 'vscodeShim.ts')], outfile: shimJs, bundle: true, platform: 'node', format: 'cjs', logLevel: 'silent' });
  return shimJs;
}

function sample(eager: boolean): Sample {
  const out = execFileSync(process.execPath, ['-e', PROBE, '--', ...(eager ? ['--eager-tiktoken'] : [])], {
    cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, HYBRID_SHIM: shimPath() },
  });
  return JSON.parse(out) as Sample;
}

export async function run(opts: { quick: boolean }): Promise<BenchFigure[]> {
  if (!fs.existsSync(bundle)) execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'ignore' });
  const n = opts.quick ? 3 : 10;
  const lazy: Sample[] = [];
  const eager: Sample[] = [];
  for (let i = 0; i < n; i++) { lazy.push(sample(false)); eager.push(sample(true)); }
  const wasm = Math.max(...lazy.map((s) => s.wasm));
  const net = Math.max(...lazy.map((s) => s.net));
  const searches = Math.max(...lazy.map((s) => s.searches));
  if (wasm > 0 || net > 0 || searches > 0) throw new Error(`activation did heavy work: ${wasm} WebAssembly calls, ${net} network calls, ${searches} workspace file searches`);
  const total = figure('bundle load + activate() (tiktoken lazy)', 'ms', lazy.map((s) => s.totalMs), {
    note: `WebAssembly instantiations during activation: ${wasm}; network calls: ${net}; workspace file searches: ${searches}`,
  });
  const eagerFig = figure('activate + eager tiktoken load (what we avoid)', 'ms', eager.map((s) => s.eagerMs));
  total.baseline = { name: 'eager tiktoken', median: eagerFig.median };
  total.ratio = eagerFig.median / total.median;
  const size = fs.statSync(bundle).size / 1024;
  const dist = fs.readdirSync(path.join(root, 'dist')).filter((f) => !f.endsWith('.map'))
    .reduce((a, f) => a + fs.statSync(path.join(root, 'dist', f)).size, 0) / 1024;
  return [
    total,
    await statusBarUpdate(opts.quick),
    figure('activate() alone', 'ms', lazy.map((s) => s.activateMs)),
    eagerFig,
    { name: 'dist/extension.js size', unit: 'KiB', median: size, p95: size, min: size, max: size, runs: 1, note: `all of dist/ (no maps): ${dist.toFixed(0)} KiB` },
  ];
}

/** Extension-host work per status bar refresh: the spend aggregates it reads plus the pure text function. */
export async function statusBarUpdate(quick: boolean): Promise<BenchFigure> {
  const { SpendModel } = await import('../src/core/spend');
  const { budgetState } = await import('../src/core/spend');
  const { statusText } = await import('../src/core/presentation/statusText');
  const model = new SpendModel();
  const now = Date.now();
  for (let i = 0; i < 10_000; i++) {
    model.add({
      v: 1, id: `r${i}`, time: new Date(now - i * 60_000).toISOString(), origin: i % 3 ? 'inline' : 'askAuto', kind: i % 3 ? 'completion' : 'ask',
      route: i % 3 ? 'local' : 'cloud', provider: i % 3 ? 'ollama' : 'anthropic', model: i % 3 ? 'qwen2.5-coder:1.5b' : 'claude-sonnet-4-6',
      tokens: { input: 900, output: 40, cacheRead: 0, cacheWrite: 0, source: 'provider' }, costUsd: i % 3 ? 0 : 0.004,
      ttftMs: 90, totalMs: 300, status: 'ok', reasons: ['local: inline completions always run on this machine'],
    });
  }
  const settings = { 'budget.dailyUsd': 5, 'budget.monthlyUsd': 50 };
  const samples: number[] = [];
  const n = quick ? 2_000 : 20_000;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const q = model.quick(new Date());
    statusText({ local: 'ready', busy: false, completionEnabled: true, todayUsd: q.today.cloudUsd, monthUsd: q.month.cloudUsd,
      budget: budgetState(q, settings), savedMonthUsd: q.month.savedUsd, last: { route: 'cloud', totalMs: 1200, model: 'claude-sonnet-4-6' } });
    samples.push((performance.now() - t0) * 1000);
  }
  return figure('status bar refresh (aggregates + text), 10k records', 'µs', samples);
}

// Two checkouts' scanners must agree exactly when a change is meant to be a speed-up only: the same findings
// (kind, category, start, end, line, label), in the same order, on code nobody here wrote (every text file under
// a node_modules tree, and its 1–4 MB bundles) and on every privacy test corpus (each text also as the JSON of a
// chat body, the form the egress gate scans last). Exits 1 on any difference.
//   npx tsx scripts/scanDiff.ts <old checkout> <new checkout> [node_modules dir]
// The old checkout can be a plain export: `git archive main src | tar -x -C /tmp/old` (plus a node_modules link).
import * as fs from 'node:fs';
import * as path from 'node:path';

const [rootA, rootB, modules = path.resolve('node_modules')] = process.argv.slice(2);
if (!rootA || !rootB) throw new Error('usage: scanDiff.ts <old checkout> <new checkout> [node_modules dir]');
const MARKERS = ['CONFIDENTIAL', 'PROPRIETARY', 'INTERNAL USE ONLY'];
type Scan = (text: string, opts: { markers: string[] }) => { kind: string; category: string; start: number; end: number; line: number; label?: string }[];
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (root: string): Scan => require(path.resolve(root, 'src/core/privacy/scan')).scanSensitive as Scan;
const [scanA, scanB] = [load(rootA), load(rootB)];
const fixtures = (mod: string): Record<string, unknown> => require(path.resolve(rootB, 'test/fixtures/privacy', mod)) as Record<string, unknown>; // eslint-disable-line @typescript-eslint/no-require-imports

const key = (fs: ReturnType<Scan>): string => JSON.stringify(fs.map((f) => [f.kind, f.category, f.start, f.end, f.line, f.label]));
let differ = 0;
function compare(where: string, text: string): number {
  const a = scanA(text, { markers: MARKERS });
  const b = scanB(text, { markers: MARKERS });
  if (key(a) !== key(b)) {
    differ++;
    if (differ <= 20) console.log(`DIFF ${where}\n  old ${key(a).slice(0, 400)}\n  new ${key(b).slice(0, 400)}`);
  }
  return a.length;
}

function files(): string[] {
  const all: string[] = [];
  const walk = (p: string): void => {
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return;
    if (st.isDirectory()) { for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e)); return; }
    all.push(p);
  };
  walk(modules);
  return all;
}

/** Every string inside a fixture's cases (texts, payloads, questions, context, history). */
function strings(x: unknown, out: Set<string>): void {
  if (typeof x === 'string') { if (x.length > 0) out.add(x); return; }
  if (Array.isArray(x)) { for (const y of x) strings(y, out); return; }
  if (x && typeof x === 'object') for (const y of Object.values(x)) strings(y, out);
}

function corpora(): Set<string> {
  const out = new Set<string>();
  const call = (mod: string, name: string, ...args: unknown[]) => strings((fixtures(mod)[name] as (...a: unknown[]) => unknown)(...args), out);
  call('corpus', 'positives'); call('corpus', 'negatives');
  call('adversarial', 'attacks'); call('adversarial', 'benign');
  for (const seed of [1, 7, 42]) { call('independent/cases', 'corpus', seed); call('redteam/attacks', 'generateAttacks', seed); call('redteam/benign', 'generateBenign', seed); }
  for (const name of ['encodingProbes', 'splitProbes', 'positionProbes', 'piiProbes', 'formProbes', 'markerProbes', 'pathProbes', 'sizeProbes']) call('surfaces/probes', name);
  call('surfaces/probes3', 'allProbes3'); call('surfaces/probes3Personal', 'personalProbes');
  // Each detector's own samples, drawn with a seeded generator.
  const { Rng } = fixtures('corpus') as { Rng: new (seed: number) => { str(c: string, n: number): string; int(lo: number, hi: number): number } };
  const rng = new Rng(5);
  const g = { str: (c: string, n: number) => rng.str(c, n), int: (lo: number, hi: number) => rng.int(lo, hi),
    // As the detector test draws them: all three classes when the charset has them (hex has no upper case).
    mixed: (c: string, n: number) => {
      const canMix = /[A-Z]/.test(c) && /[a-z]/.test(c) && /\d/.test(c);
      for (;;) { const s = rng.str(c, n); if (!canMix || (/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s))) return s; }
    } };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DETECTORS } = require(path.resolve(rootB, 'src/core/privacy/detectors')) as { DETECTORS: { samples: { tp: readonly unknown[]; fp: readonly unknown[] } }[] };
  for (const d of DETECTORS) for (const s of [...d.samples.tp, ...d.samples.fp]) out.add(typeof s === 'string' ? s : (s as (r: typeof g) => string)(g));
  return out;
}

const all = files();
const texts = all.filter((f) => /\.(js|ts|mjs|cjs|md|json|ya?ml|txt|html|css)$/.test(f) && fs.statSync(f).size < 1_000_000);
let n = 0;
for (const f of texts) n += compare(path.relative(modules, f), fs.readFileSync(f, 'utf8'));
console.log(`node_modules: ${texts.length} text files, ${n} findings, ${differ} differ`);
const big = all.filter((f) => /\.(js|ts|mjs|cjs|json|map)$/.test(f) && fs.statSync(f).size >= 1_000_000 && fs.statSync(f).size < 4_000_000);
let d0 = differ;
n = 0;
for (const f of big) n += compare(path.relative(modules, f), fs.readFileSync(f, 'utf8'));
console.log(`node_modules 1–4 MB: ${big.length} files, ${n} findings, ${differ - d0} differ`);
d0 = differ;
n = 0;
const corpus = corpora();
for (const t of corpus) n += compare(`corpus ${JSON.stringify(t.slice(0, 60))}`, t) + compare('corpus as JSON', JSON.stringify({ messages: [{ role: 'user', content: t }] }));
console.log(`privacy corpora: ${corpus.size} texts (each also as JSON), ${n} findings, ${differ - d0} differ`);
console.log(differ === 0 ? 'identical' : `${differ} texts differ`);
process.exit(differ === 0 ? 0 : 1);

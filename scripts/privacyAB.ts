// Two checkouts' privacy scanners side by side on code nobody here wrote: what each finds in every text file under
// a node_modules tree, which real paths each path policy calls private, and what the egress gate and a 1 MB scan
// cost (interleaved runs, medians). Run it under the host lock so the timings are not someone else's tests:
//   flock /tmp/hybrid-host.lock npx tsx scripts/privacyAB.ts /work/main /work/wt/<branch> [node_modules dir]
import * as fs from 'node:fs';
import * as path from 'node:path';

const [rootA, rootB, modules = '/work/main/node_modules'] = process.argv.slice(2);
if (!rootA || !rootB) throw new Error('usage: privacyAB.ts <checkout A> <checkout B> [node_modules dir]');
const MARKERS = ['CONFIDENTIAL', 'PROPRIETARY', 'INTERNAL USE ONLY'];

const all: string[] = [];
function walk(p: string): void {
  const st = fs.lstatSync(p, { throwIfNoEntry: false });
  if (!st || st.isSymbolicLink()) return;
  if (st.isDirectory()) { for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e)); return; }
  all.push(p);
}
walk(modules);
const texts = all.filter((f) => /\.(js|ts|mjs|cjs|md|json|ya?ml|txt|html|css)$/.test(f) && fs.statSync(f).size < 1_000_000);

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (root: string, mod: string) => require(path.resolve(root, 'src/core', mod));

function findings(root: string): string[] {
  const { scanSensitive } = load(root, 'privacy/scan');
  const out: string[] = [];
  for (const f of texts) {
    const t = fs.readFileSync(f, 'utf8');
    for (const x of scanSensitive(t, { markers: MARKERS })) out.push(`${path.relative(modules, f)}:${x.line} ${x.kind} ${JSON.stringify(t.slice(x.start, Math.min(x.end, x.start + 50)))}`);
  }
  return out;
}

function privatePaths(root: string): string[] {
  const policy = load(root, 'privacy/paths').createPathPolicy({ privateGlobs: [] });
  return all.map((f) => path.relative(path.dirname(modules), f)).filter((p) => policy.isPrivate(p).private);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timings(root: string): { gate: number; scan: number } {
  const gate = new (load(root, 'egress/gate').EgressGate)({ mode: 'redact', markers: MARKERS, pathPolicy: load(root, 'privacy/paths').createPathPolicy({ privateGlobs: [] }) });
  const { scanSensitive } = load(root, 'privacy/scan');
  const code = fs.readFileSync(path.join(modules, '@anthropic-ai/sdk/client.js'), 'utf8').split('\n').slice(0, 2000).join('\n');
  const mb = fs.readFileSync(path.join(modules, 'typescript/lib/lib.dom.d.ts'), 'utf8').slice(0, 1_000_000);
  const time = (f: () => void): number => { const t0 = performance.now(); f(); return performance.now() - t0; };
  const body = { model: 'm', system: 'You are helpful.', maxTokens: 100, messages: [{ role: 'user', content: `\`\`\`js client.js\n${code}\n\`\`\`\n\nWhy does retry fail?` }] };
  return { gate: median(Array.from({ length: 15 }, () => time(() => gate.prepare(body, ['client.js'])))), scan: median(Array.from({ length: 5 }, () => time(() => scanSensitive(mb, { markers: MARKERS })))) };
}

const [fa, fb] = [findings(rootA), findings(rootB)];
const setA = new Set(fa); const setB = new Set(fb);
console.log(`${texts.length} text files: A finds ${fa.length}, B ${fb.length}; only A ${fa.filter((x) => !setB.has(x)).length}, only B ${fb.filter((x) => !setA.has(x)).length}`);
for (const x of fb.filter((y) => !setA.has(y)).slice(0, 20)) console.log(`  + ${x}`);
for (const x of fa.filter((y) => !setB.has(y)).slice(0, 20)) console.log(`  - ${x}`);
const [pa, pb] = [privatePaths(rootA), privatePaths(rootB)];
console.log(`${all.length} paths: A private ${pa.length}, B private ${pb.length}, differ ${pa.filter((p) => !pb.includes(p)).length + pb.filter((p) => !pa.includes(p)).length}`);
const runs: Record<string, { gate: number[]; scan: number[] }> = { A: { gate: [], scan: [] }, B: { gate: [], scan: [] } };
for (let i = 0; i < 5; i++) {
  for (const [k, root] of [['A', rootA], ['B', rootB]] as const) { const t = timings(root); runs[k].gate.push(t.gate); runs[k].scan.push(t.scan); }
}
for (const k of ['A', 'B']) console.log(`${k}: egress gate on a 2,000-line request ${median(runs[k].gate).toFixed(1)} ms, scan 1 MB ${median(runs[k].scan).toFixed(0)} ms`);

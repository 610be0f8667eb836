// The routing figures of two checkouts measured interleaved in one process (A B A B …, medians and minimums), so a
// shared, noisy machine slows both alike: the privacy scan, classify() and the egress gate on bench/routing.ts's
// 2,000-line file. Run it under the host lock:
//   flock /tmp/hybrid-host.lock npx tsx scripts/routingAB.ts <old checkout> <new checkout> [repetitions]
import * as os from 'node:os';
import * as path from 'node:path';

const [rootA, rootB, reps = '60'] = process.argv.slice(2);
if (!rootA || !rootB) throw new Error('usage: routingAB.ts <old checkout> <new checkout> [repetitions]');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (root: string, mod: string): Record<string, any> => require(path.resolve(root, mod)) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const { sourceFile } = load(rootB, 'bench/routing');
const { Rng } = load(rootB, 'test/fixtures/privacy/corpus');
const markers = load(rootB, 'src/core/settings').DEFAULT_SETTINGS['privacy.markers'] as string[];
const src2k = sourceFile(2000, new Rng(99)) as string;
const request = { id: 'bench', kind: 'ask', origin: 'askAuto', question: 'What does this module do, and how should we split it?',
  context: [{ source: 'file', text: src2k, path: 'src/orders/service.ts', language: 'typescript' }] };
const body = { model: 'm', system: 'You are a coding assistant.', maxTokens: 1024, messages: [{ role: 'user', content: src2k }] };

function figures(root: string): Record<string, () => unknown> {
  const { scanSensitive } = load(root, 'src/core/privacy/scan');
  const { classify } = load(root, 'src/core/task/classify');
  const pathPolicy = load(root, 'src/core/privacy/paths').createPathPolicy({ privateGlobs: [] });
  const gate = new (load(root, 'src/core/egress/gate').EgressGate)({ mode: 'redact', markers, pathPolicy });
  return {
    'scan, 2,000-line file': () => scanSensitive(src2k, { markers }),
    'classify + scan, 2,000-line file': () => classify(request, { pathPolicy, markers }),
    'egress gate prepare, 2,000-line file': () => gate.prepare(body, ['src/a.ts']),
  };
}

const runs = { A: figures(rootA), B: figures(rootB) };
const samples: Record<string, number[]> = {};
for (const f of Object.values(runs)) for (const g of Object.values(f)) for (let i = 0; i < 3; i++) g();
for (let r = 0; r < Number(reps); r++) {
  for (const name of Object.keys(runs.A)) {
    for (const side of r % 2 ? ['A', 'B'] as const : ['B', 'A'] as const) {
      const t0 = performance.now();
      runs[side][name]();
      (samples[`${side} ${name}`] ??= []).push(performance.now() - t0);
    }
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${reps} interleaved repetitions; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
for (const name of Object.keys(runs.A)) {
  const [a, b] = [samples[`A ${name}`], samples[`B ${name}`]];
  console.log(`${name}: A median ${median(a).toFixed(2)} ms (min ${Math.min(...a).toFixed(2)}), B median ${median(b).toFixed(2)} ms (min ${Math.min(...b).toFixed(2)}), B/A ${(median(b) / median(a)).toFixed(2)}`);
}
